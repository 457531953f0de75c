using System.Collections.Immutable;
using Newtonsoft.Json.Linq;
using PaperLsp.Server.Dispatch;
using PaperLsp.Server.Tests.Infrastructure;
using StreamJsonRpc;

namespace PaperLsp.Server.Tests;

public sealed class LifecycleTests
{
    private static readonly JObject HoverParams = JObject.Parse(
        """{ "textDocument": { "uri": "file:///tmp/a.pnotes" }, "position": { "line": 0, "character": 0 } }""");

    [Fact]
    public async Task A_request_before_initialize_answers_ServerNotInitialized()
    {
        await using var client = new LspTestClient();
        var error = await Assert.ThrowsAnyAsync<RemoteInvocationException>(() => client.RequestAsync("textDocument/hover", HoverParams));
        Assert.Equal(-32002, error.ErrorCode);
    }

    [Fact]
    public async Task Initialize_advertises_incremental_sync_completion_triggers_and_utf16_by_default()
    {
        await using var client = new LspTestClient();
        var result = await client.InitializeAsync();
        var capabilities = result!["capabilities"]!;
        Assert.Equal("utf-16", (string?)capabilities["positionEncoding"]);
        Assert.Equal(2, (int)capabilities["textDocumentSync"]!["change"]!);
        Assert.Equal(["[", "@"], capabilities["completionProvider"]!["triggerCharacters"]!.Values<string>());
        Assert.Null(capabilities["diagnosticProvider"]);
    }

    [Fact]
    public async Task Initialize_picks_utf8_when_the_client_offers_it()
    {
        await using var client = new LspTestClient();
        var result = await client.InitializeAsync(LspTestClient.Capabilities("""{ "general": { "positionEncodings": ["utf-8", "utf-16"] } }"""));
        Assert.Equal("utf-8", (string?)result!["capabilities"]!["positionEncoding"]);
    }

    [Fact]
    public async Task Initialize_twice_is_an_invalid_request()
    {
        await using var client = new LspTestClient();
        await client.InitializeAsync();
        var error = await Assert.ThrowsAnyAsync<RemoteInvocationException>(() => client.InitializeAsync());
        Assert.Equal(-32600, error.ErrorCode);
    }

    [Fact]
    public async Task Requests_after_shutdown_are_invalid_and_exit_returns_0()
    {
        await using var client = new LspTestClient();
        await client.StartAsync();
        await client.RequestAsync("shutdown", null);
        var error = await Assert.ThrowsAnyAsync<RemoteInvocationException>(() => client.RequestAsync("textDocument/hover", HoverParams));
        Assert.Equal(-32600, error.ErrorCode);
        await client.NotifyAsync("exit", null);
        Assert.Equal(0, await client.ServerExit.WaitAsync(TimeSpan.FromSeconds(20)));
    }

    [Fact]
    public async Task Exit_without_shutdown_returns_1()
    {
        await using var client = new LspTestClient();
        await client.StartAsync();
        await client.NotifyAsync("exit", null);
        Assert.Equal(1, await client.ServerExit.WaitAsync(TimeSpan.FromSeconds(20)));
    }

    [Fact]
    public async Task Input_closing_without_exit_returns_1()
    {
        await using var wire = new RawLspWire(LanguageServerOptions.Default);
        await wire.SendAsync(new { jsonrpc = "2.0", id = 1, method = "initialize", @params = new { capabilities = new { } } });
        await wire.ReadResponseAsync(1);
        wire.Stream.Dispose();
        Assert.Equal(1, await wire.ServerExit.WaitAsync(TimeSpan.FromSeconds(20)));
    }

    [Fact]
    public async Task Unknown_requests_answer_MethodNotFound_and_unknown_notifications_are_ignored()
    {
        await using var client = new LspTestClient();
        await client.StartAsync();
        await client.NotifyAsync("$/somethingNew", new JObject { ["x"] = 1 });
        await client.NotifyAsync("paperlsp/unknownNotification", new JObject());
        var error = await Assert.ThrowsAnyAsync<RemoteInvocationException>(() => client.RequestAsync("textDocument/notAThing", new JObject()));
        Assert.Equal(-32601, error.ErrorCode);
        // Still serving.
        await client.RequestAsync("shutdown", null);
    }

    [Theory]
    [InlineData("""{ "textDocument": 5, "position": { "line": 0, "character": 0 } }""")]
    [InlineData("""{ "position": { "line": 0, "character": 0 } }""")]
    [InlineData("""{ "textDocument": { "uri": "file:///a.pnotes" }, "position": "start" }""")]
    public async Task Malformed_params_answer_InvalidParams(string parameters)
    {
        await using var client = new LspTestClient();
        await client.StartAsync();
        var error = await Assert.ThrowsAnyAsync<RemoteInvocationException>(() =>
            client.RequestAsync("textDocument/hover", JObject.Parse(parameters)));
        Assert.Equal(-32602, error.ErrorCode);
    }

    [Fact]
    public async Task A_throwing_handler_answers_InternalError_and_the_server_keeps_serving()
    {
        var handlers = ImmutableDictionary<string, RpcHandler>.Empty
            .Add("test/fail", (_, _) => throw new InvalidOperationException("boom"))
            .Add("test/echo", (parameters, _) => Task.FromResult<object?>(parameters));
        await using var client = new LspTestClient(extraHandlers: handlers);
        await client.StartAsync();
        var error = await Assert.ThrowsAnyAsync<RemoteInvocationException>(() => client.RequestAsync("test/fail", new JObject()));
        Assert.Equal(-32603, error.ErrorCode);
        Assert.Contains("boom", error.Message, StringComparison.Ordinal);
        var echo = await client.RequestAsync("test/echo", new JObject { ["still"] = "here" });
        Assert.Equal("here", (string?)echo!["still"]);
    }

    [Fact]
    public async Task A_cancelled_request_answers_RequestCancelled()
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var handlers = ImmutableDictionary<string, RpcHandler>.Empty.Add("test/block", async (_, cancellationToken) =>
        {
            started.SetResult();
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return null;
        });
        await using var wire = new RawLspWire(LanguageServerOptions.Default with { AdditionalRequestHandlers = handlers });
        await wire.SendAsync(new { jsonrpc = "2.0", id = 1, method = "initialize", @params = new { capabilities = new { } } });
        await wire.ReadResponseAsync(1);
        await wire.SendAsync(new { jsonrpc = "2.0", id = 2, method = "test/block", @params = new { } });
        await started.Task.WaitAsync(TimeSpan.FromSeconds(20));
        await wire.SendAsync(new { jsonrpc = "2.0", method = "$/cancelRequest", @params = new { id = 2 } });
        var response = await wire.ReadResponseAsync(2);
        Assert.Equal(-32800, (int)response["error"]!["code"]!);
    }

    [Fact]
    public async Task SetTrace_turns_on_logTrace_for_each_message()
    {
        await using var client = new LspTestClient();
        await client.StartAsync();
        await client.NotifyAsync("$/setTrace", new JObject { ["value"] = "verbose" });
        await client.RequestAsync("workspace/symbol", new JObject { ["query"] = "" });
        var trace = await client.WaitForNotificationAsync("$/logTrace", p => ((string?)p["message"])?.Contains("workspace/symbol", StringComparison.Ordinal) == true);
        Assert.Contains("query", (string?)trace["verbose"], StringComparison.Ordinal);
    }
}
