using System.Text;
using Newtonsoft.Json.Linq;

namespace PaperLsp.Server.Tests.EndToEnd;

/// <summary>
/// The built <c>paperlsp serve --stdio</c> as an editor runs it: a child process spoken to over its stdin and stdout, on a
/// copy of examples/ with its deliberate mistakes (examples/README.md lists them).
/// </summary>
public sealed class StdioServerTests : IDisposable
{
    private const string NystromformerTitle = "Nyströmformer: A Nyström-Based Algorithm for Approximating Self-Attention";

    private readonly string _examples = RepositoryLayout.CopyExamples();

    public void Dispose() => RepositoryLayout.DeleteCopy(_examples);

    [Fact]
    public async Task Serves_the_examples_from_initialize_to_exit_with_nothing_but_LSP_frames_on_stdout()
    {
        var notes = Path.Combine(_examples, "reading-list.pnotes");
        var text = await File.ReadAllTextAsync(notes);
        await using var client = new StdioLspClient(ServerProcess.Start());

        var initialize = await client.InitializeAsync(_examples);
        Assert.NotNull(initialize?["capabilities"]?["completionProvider"]);
        Assert.Equal(true, (bool?)initialize?["capabilities"]?["hoverProvider"]);
        await client.NotifyAsync("initialized", new JObject());
        await client.OpenAsync(notes, text);

        // The deliberate mistakes of reading-list.pnotes, each at the text it is about.
        var diagnostics = await client.WaitForDiagnosticsAsync(notes, d => d.Any(x => (string?)x["code"] == "PN001") && d.Any(x => (string?)x["code"] == "PN006"));
        var found = diagnostics.Select(d => ((string)d["code"]!, TextIn(text, d["range"]!))).OrderBy(d => d.Item1).ThenBy(d => d.Item2, StringComparer.Ordinal).ToList();
        Assert.Equal(
            [
                ("PN001", "[[Atention is all you need]]"),
                ("PN002", "@Devlin2019bert"),
                ("PN005", "7"),
                ("PN005", "finished"),
                ("PN006", $"@paper [[{NystromformerTitle}]]"),
            ],
            found);
        Assert.Contains("Attention Is All You Need", (string?)diagnostics.Single(d => (string?)d["code"] == "PN001")["message"]);
        Assert.Contains("@devlin2019bert", (string?)diagnostics.Single(d => (string?)d["code"] == "PN002")["message"]);

        var hover = await client.RequestAsync("textDocument/hover", StdioLspClient.At(notes, PositionOf(text, "[[Attention Is All You Need]]", 4)));
        var hoverText = (string?)hover?["contents"]?["value"];
        Assert.Equal("markdown", (string?)hover?["contents"]?["kind"]);
        Assert.Contains("Attention Is All You Need", hoverText);
        Assert.Contains("The dominant sequence transduction models are based on complex recurrent or convolutional neural networks", hoverText);

        // Type `See [[nystromf` on a new last line, as an editor sends it: an incremental change.
        var end = PositionOf(text, text, text.Length);
        await client.NotifyAsync("textDocument/didChange", new JObject
        {
            ["textDocument"] = new JObject { ["uri"] = StdioLspClient.UriOf(notes), ["version"] = 2 },
            ["contentChanges"] = new JArray(new JObject
            {
                ["range"] = new JObject { ["start"] = Position(end), ["end"] = Position(end) },
                ["text"] = "See [[nystromf",
            }),
        });
        var completion = await client.RequestAsync("textDocument/completion", StdioLspClient.At(notes, (end.Line, end.Character + "See [[nystromf".Length)));
        var items = (completion as JArray ?? completion?["items"] as JArray)?.OfType<JObject>().ToList() ?? [];
        Assert.NotEmpty(items);
        // Editors show items ordered by sortText (the label when there is none), so that is what "first" means.
        var first = items.OrderBy(i => (string?)i["sortText"] ?? (string?)i["label"], StringComparer.Ordinal).First();
        Assert.Equal(NystromformerTitle, (string?)first["label"]);
        var edit = first["textEdit"]!;
        Assert.Equal(NystromformerTitle + "]]", (string?)edit["newText"]);
        Assert.Equal((end.Line, end.Character + "See [[".Length), PositionIn(edit["range"]!["start"]!));
        Assert.Equal((end.Line, end.Character + "See [[nystromf".Length), PositionIn(edit["range"]!["end"]!));

        var exitCode = await client.ShutdownAndExitAsync();

        Assert.Equal(0, exitCode);
        var stdout = LspFrameParser.Parse(client.Server.StdoutBytes());
        Assert.Contains(stdout, m => m["result"]?["capabilities"] is not null);
        Assert.Equal(
            client.Endpoint.Received.Count(r => r.Method == "textDocument/publishDiagnostics"),
            stdout.Count(m => (string?)m["method"] == "textDocument/publishDiagnostics"));
        // Logs go to stderr (never stdout): what the server told the client through window/logMessage is there too.
        var logged = client.Endpoint.Received.Where(r => r.Method == "window/logMessage").Select(r => (string)r.Params["message"]!).ToList();
        Assert.NotEmpty(logged);
        Assert.All(logged, message => Assert.Contains(message, client.Server.Stderr));
    }

    public static TheoryData<string, string> MalformedInput => new()
    {
        { "a garbage frame", "this is not a header\r\n\r\n" },
        { "a Content-Length that is not a number", "Content-Length: twelve\r\n\r\n" },
        { "a body that is not JSON", Frame("{\"jsonrpc\": \"2.0\", \"id\": 7, \"method\": ") },
        { "JSON that is not a JSON-RPC message", Frame("[1, 2, 3]") },
    };

    [Theory]
    [MemberData(nameof(MalformedInput))]
    public async Task Malformed_input_is_answered_with_an_error_or_ignored_and_the_server_keeps_serving(string what, string input)
    {
        await using var server = ServerProcess.Start();
        _ = server.Output.CopyToAsync(Stream.Null); // the tap records what the server writes; nobody else reads it here
        await server.WriteRawAsync(Frame("""{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"processId":null,"capabilities":{}}}"""));
        await WaitForResponseAsync(server, 1);

        await server.WriteRawAsync(input);
        await server.WriteRawAsync(Frame("""{"jsonrpc":"2.0","id":2,"method":"shutdown"}"""));
        var shutdown = await WaitForResponseAsync(server, 2, $"after {what}");
        Assert.Null(shutdown["error"]);

        await server.WriteRawAsync(Frame("""{"jsonrpc":"2.0","method":"exit"}"""));
        Assert.Equal(0, await server.WaitForExitAsync(StdioLspClient.WaitLimit));
        // Whatever the server answered to the malformed input, its stdout stayed a clean stream of frames, and an error
        // answer, if any, is a JSON-RPC error (parse error or invalid request) with a null id.
        var messages = LspFrameParser.Parse(server.StdoutBytes());
        Assert.All(messages.Where(m => m["error"] is not null), m =>
        {
            Assert.Equal(JTokenType.Null, m["id"]?.Type ?? JTokenType.Null);
            Assert.Contains((int)m["error"]!["code"]!, new[] { -32700, -32600 });
        });
    }

    [Fact]
    public async Task Closing_stdin_without_exit_ends_the_process_with_code_1()
    {
        await using var client = new StdioLspClient(ServerProcess.Start());
        await client.InitializeAsync(_examples);
        await client.NotifyAsync("initialized", new JObject());

        client.Server.CloseInput();

        Assert.Equal(1, await client.Server.WaitForExitAsync(StdioLspClient.WaitLimit));
        LspFrameParser.Parse(client.Server.StdoutBytes());
    }

    private static string Frame(string body) => $"Content-Length: {Encoding.UTF8.GetByteCount(body)}\r\n\r\n{body}";

    private static async Task<JObject> WaitForResponseAsync(ServerProcess server, int id, string when = "")
    {
        var deadline = DateTime.UtcNow + StdioLspClient.WaitLimit;
        while (DateTime.UtcNow < deadline)
        {
            var response = LspFrameParser.Parse(server.StdoutBytes(), allowIncompleteTail: true).FirstOrDefault(m => (int?)m["id"] == id);
            if (response is not null)
            {
                return response;
            }

            Assert.False(server.HasExited, $"paperlsp exited {when} before answering request {id}. stderr:\n{server.Stderr}");
            await Task.Delay(50);
        }

        throw new TimeoutException($"No answer to request {id} {when}. stderr:\n{server.Stderr}");
    }

    /// <summary>The UTF-16 line and character of <paramref name="needle"/>'s first occurrence plus <paramref name="within"/>.</summary>
    private static (int Line, int Character) PositionOf(string text, string needle, int within)
    {
        var index = text.IndexOf(needle, StringComparison.Ordinal);
        Assert.True(index >= 0, $"'{needle}' is not in the text");
        var offset = index + within;
        var lineStart = offset == 0 ? 0 : text.LastIndexOf('\n', offset - 1) + 1;
        return (text[..offset].Count(c => c == '\n'), offset - lineStart);
    }

    private static JObject Position((int Line, int Character) position) => new() { ["line"] = position.Line, ["character"] = position.Character };

    private static (int Line, int Character) PositionIn(JToken position) => ((int)position["line"]!, (int)position["character"]!);

    private static string TextIn(string text, JToken range)
    {
        int OffsetOf(JToken position)
        {
            var offset = 0;
            for (var line = 0; line < (int)position["line"]!; line++)
            {
                offset = text.IndexOf('\n', offset) + 1;
            }

            return offset + (int)position["character"]!;
        }

        return text[OffsetOf(range["start"]!)..OffsetOf(range["end"]!)];
    }
}
