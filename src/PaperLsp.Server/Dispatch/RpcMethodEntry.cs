using System.Reflection;
using Newtonsoft.Json.Linq;

namespace PaperLsp.Server.Dispatch;

/// <summary>
/// The object StreamJsonRpc invokes for one method. The parameter is a raw JToken (optional, since shutdown and exit come
/// without params) so that deserialization, lifecycle checks and error codes stay ours.
/// </summary>
internal sealed class RpcMethodEntry(RpcHandler handler)
{
    public static MethodInfo InvokeMethod { get; } = typeof(RpcMethodEntry).GetMethod(nameof(InvokeAsync))!;

    public Task<object?> InvokeAsync(JToken? parameters = null, CancellationToken cancellationToken = default) =>
        handler(parameters, cancellationToken);
}
