using System.Text;
using Nerdbank.Streams;
using Newtonsoft.Json.Linq;
using PaperLsp.Server.Tests.Infrastructure;

namespace PaperLsp.Server.Tests;

/// <summary>
/// An initialize that is the input's first frame is answered on the input thread, before the connection exists; any other
/// goes through the connection. Both answers must be the same, and the session must go on alike.
/// </summary>
public sealed class EarlyInitializeTests
{
    private static readonly JObject Utf8Client = LspTestClient.Capabilities("""{ "general": { "positionEncodings": ["utf-8"] }, "textDocument": { "diagnostic": {} } }""");

    [Fact]
    public async Task Initialize_as_the_first_frame_answers_what_the_connection_answers_after_another_message()
    {
        using var workspace = new TestWorkspace();
        await using var early = new LspTestClient(workspace.Options);
        var earlyAnswer = await early.InitializeAsync(Utf8Client, [workspace.Folder]);

        await using var late = new LspTestClient(workspace.Options);
        await late.NotifyAsync("$/unknownNotification", new JObject());
        var lateAnswer = await late.InitializeAsync(Utf8Client, [workspace.Folder]);

        Assert.Equal("utf-8", (string?)earlyAnswer!["capabilities"]!["positionEncoding"]);
        Assert.True(JToken.DeepEquals(lateAnswer, earlyAnswer), $"{lateAnswer}\n{earlyAnswer}");
    }

    [Fact]
    public async Task A_session_started_by_the_early_answer_loads_its_collections_and_answers_requests()
    {
        using var workspace = new TestWorkspace();
        await using var client = new LspTestClient(workspace.Options);
        await client.StartAsync(null, [workspace.Folder]);
        var ready = await client.WaitForNotificationAsync("paperlsp/collectionStatus", p => (string?)p["state"] == "ready");
        Assert.True((int)ready["papers"]! > 0);
        var error = await Assert.ThrowsAnyAsync<StreamJsonRpc.RemoteInvocationException>(() => client.InitializeAsync());
        Assert.Equal(-32600, error.ErrorCode);
    }

    [Fact]
    public async Task The_early_answer_is_one_frame_with_the_requests_id_as_it_came()
    {
        var (serverStream, clientStream) = FullDuplexStream.CreatePair();
        using var stop = new CancellationTokenSource();
        var server = Task.Run(() => LanguageServerHost.RunAsync(serverStream, serverStream, new LanguageServerOptions { LogWriter = TextWriter.Null }, stop.Token));
        var request = Encoding.UTF8.GetBytes("""{"jsonrpc":"2.0","id":"first-é","method":"initialize","params":{"capabilities":{}}}""");
        await clientStream.WriteAsync(Encoding.ASCII.GetBytes($"Content-Length: {request.Length}\r\n\r\n"));
        await clientStream.WriteAsync(request);
        await clientStream.FlushAsync();

        var answer = await ReadFrameAsync(clientStream);

        Assert.Equal(JTokenType.String, answer["id"]!.Type);
        Assert.Equal("first-é", (string?)answer["id"]);
        Assert.Equal("2.0", (string?)answer["jsonrpc"]);
        Assert.Equal("utf-16", (string?)answer["result"]!["capabilities"]!["positionEncoding"]);
        await stop.CancelAsync();
        Assert.Equal(1, await server.WaitAsync(TimeSpan.FromSeconds(20)));
    }

    /// <summary>One Content-Length frame's JSON, read byte by byte (the header) and then whole (the body).</summary>
    private static async Task<JObject> ReadFrameAsync(Stream stream)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var header = new StringBuilder();
        var one = new byte[1];
        while (!header.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal))
        {
            Assert.Equal(1, await stream.ReadAsync(one, timeout.Token));
            header.Append((char)one[0]);
        }

        var length = int.Parse(header.ToString().Split("\r\n")[0]["Content-Length:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
        var body = new byte[length];
        await stream.ReadExactlyAsync(body, timeout.Token);
        return JObject.Parse(Encoding.UTF8.GetString(body));
    }
}
