using System.IO.Pipelines;
using System.Text;
using Newtonsoft.Json.Linq;
using PaperLsp.Server.Transport;
using StreamJsonRpc;
using StreamJsonRpc.Protocol;

namespace PaperLsp.Server.Tests.Transport;

/// <summary>
/// A result written beforehand as UTF-8 JSON (a completion list) reaches the wire in the frame StreamJsonRpc's own handler
/// and formatter make of the same JSON, byte for byte: header, envelope, id of either kind, text beyond ASCII.
/// </summary>
public sealed class LspMessageHandlerTests
{
    private const string Json = "{\"isIncomplete\":true,\"items\":[{\"label\":\"Nyströmformer: a \\\"Nyström\\\"-based 😀 algorithm\",\"kind\":18}]}";

    public static TheoryData<object> Ids => new() { 7L, 0L, long.MaxValue, "id-1", "quote \" and é" };

    [Theory]
    [MemberData(nameof(Ids))]
    public async Task A_pre_written_result_is_framed_as_the_formatter_frames_the_same_json(object id)
    {
        var requestId = id is long number ? new RequestId(number) : new RequestId((string)id);

        var expected = await FrameAsync((w, r) => new HeaderDelimitedMessageHandler(w, r, JsonRpcFactory.CreateFormatter()), requestId, new JRaw(Json));
        var direct = await FrameAsync((w, r) => new LspMessageHandler(w, r, JsonRpcFactory.CreateFormatter()), requestId, Result(Json));
        var throughTheFormatter = await FrameAsync((w, r) => new HeaderDelimitedMessageHandler(w, r, JsonRpcFactory.CreateFormatter()), requestId, Result(Json));

        Assert.Equal(Encoding.UTF8.GetString(expected), Encoding.UTF8.GetString(direct));
        Assert.Equal(expected, direct);
        Assert.Equal(expected, throughTheFormatter);
    }

    [Fact]
    public async Task Other_messages_are_framed_by_the_formatter_as_before()
    {
        var result = new JObject { ["contents"] = "x" };

        var expected = await FrameAsync((w, r) => new HeaderDelimitedMessageHandler(w, r, JsonRpcFactory.CreateFormatter()), new RequestId(3), result);
        var written = await FrameAsync((w, r) => new LspMessageHandler(w, r, JsonRpcFactory.CreateFormatter()), new RequestId(3), result);

        Assert.Equal(expected, written);
    }

    [Fact]
    public async Task The_result_gives_its_bytes_back_once_written()
    {
        var result = Result(Json);

        await FrameAsync((w, r) => new LspMessageHandler(w, r, JsonRpcFactory.CreateFormatter()), new RequestId(1), result);

        Assert.True(result.Utf8.IsEmpty);
    }

    private static Utf8JsonResult Result(string json)
    {
        var writer = new RentedBufferWriter(4);
        var bytes = Encoding.UTF8.GetBytes(json);
        bytes.CopyTo(writer.GetSpan(bytes.Length));
        writer.Advance(bytes.Length);
        return writer.Detach();
    }

    private static async Task<byte[]> FrameAsync(Func<PipeWriter, PipeReader, MessageHandlerBase> create, RequestId id, object result)
    {
        var output = new Pipe();
        var input = new Pipe();
        var handler = create(output.Writer, input.Reader);
        await handler.WriteAsync(new JsonRpcResult { RequestId = id, Result = result }, CancellationToken.None);
        await output.Writer.CompleteAsync();
        using var bytes = new MemoryStream();
        await output.Reader.CopyToAsync(bytes);
        return bytes.ToArray();
    }
}
