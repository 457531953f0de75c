using System.Globalization;
using PaperLsp.Server.Dispatch;
using StreamJsonRpc;
using StreamJsonRpc.Protocol;

namespace PaperLsp.Server.Transport;

/// <summary>The connection with the dispatch and send of each request stamped on a <see cref="RequestTimeline"/>.</summary>
internal sealed class TracedJsonRpc(IJsonRpcMessageHandler handler, RequestTimeline timeline) : JsonRpc(handler)
{
    public static string? IdText(RequestId id) =>
        id.IsEmpty ? null : id.Number?.ToString(CultureInfo.InvariantCulture) ?? id.String;

    protected override async ValueTask<JsonRpcMessage> DispatchRequestAsync(JsonRpcRequest request, TargetMethod targetMethod, CancellationToken cancellationToken)
    {
        var id = IdText(request.RequestId);
        timeline.Mark(id, RequestStage.Dispatched, request.Method);
        RequestTimeline.Current = id;
        var result = await base.DispatchRequestAsync(request, targetMethod, cancellationToken).ConfigureAwait(false);
        timeline.Mark(id, RequestStage.Answered);
        return result;
    }

    protected override async ValueTask SendAsync(JsonRpcMessage message, CancellationToken cancellationToken)
    {
        await base.SendAsync(message, cancellationToken).ConfigureAwait(false);
        var id = message switch
        {
            JsonRpcResult result => IdText(result.RequestId),
            JsonRpcError error => IdText(error.RequestId),
            _ => null,
        };
        timeline.Mark(id, RequestStage.Sent);
    }
}
