using Newtonsoft.Json.Linq;
using PaperLsp.Server.Conversion;
using PaperLsp.Server.Tests.Infrastructure;

namespace PaperLsp.Server.Tests;

public sealed class WorkspaceFeatureTests
{
    private static async Task<LspTestClient> StartAsync(TestWorkspace workspace, JObject? capabilities = null, JToken? initializationOptions = null)
    {
        var client = new LspTestClient(workspace.Options);
        await client.StartAsync(capabilities, [workspace.Folder], initializationOptions);
        await client.WaitForNotificationAsync("paperlsp/collectionStatus", p => (string?)p["state"] == "ready");
        return client;
    }

    private static JObject Position(string path, int line, int character) => new()
    {
        ["textDocument"] = new JObject { ["uri"] = FileUri.FromPath(path) },
        ["position"] = new JObject { ["line"] = line, ["character"] = character },
    };

    [Fact]
    public async Task Collections_load_in_the_background_with_status_and_progress()
    {
        using var workspace = new TestWorkspace();
        await using var client = new LspTestClient(workspace.Options);
        await client.StartAsync(LspTestClient.Capabilities("""{ "window": { "workDoneProgress": true } }"""), [workspace.Folder]);
        var ready = await client.WaitForNotificationAsync("paperlsp/collectionStatus", p => (string?)p["state"] == "ready");
        Assert.Equal(3, (int)ready["papers"]!);
        Assert.Equal(1, (int)ready["collections"]!);
        await client.WaitForNotificationAsync("$/progress", p => (string?)p["value"]!["kind"] == "end");
        var report = await client.WaitForNotificationAsync("$/progress", p => (string?)p["value"]!["kind"] == "report");
        Assert.Equal("Loading refs.bib — 3 papers", (string?)report["value"]!["message"]);
        Assert.Contains(client.ServerRequests, r => r.Method == "window/workDoneProgress/create");
    }

    [Fact]
    public async Task A_completion_sent_right_after_an_edit_sees_the_edit()
    {
        using var workspace = new TestWorkspace();
        await using var client = await StartAsync(workspace);
        var notes = workspace.PathOf("a.pnotes");
        await client.OpenAsync(notes, "# Reading\n");

        // Not awaited in between: the change must be applied before the completion reads the document.
        var change = client.NotifyAsync("textDocument/didChange", new JObject
        {
            ["textDocument"] = new JObject { ["uri"] = FileUri.FromPath(notes), ["version"] = 2 },
            ["contentChanges"] = new JArray(new JObject
            {
                ["range"] = new JObject
                {
                    ["start"] = new JObject { ["line"] = 1, ["character"] = 0 },
                    ["end"] = new JObject { ["line"] = 1, ["character"] = 0 },
                },
                ["text"] = "See [[Attention",
            }),
        });
        var completion = client.RequestAsync("textDocument/completion", Position(notes, 1, 15));
        await change;
        var result = await completion;
        var item = result!["items"]!.First(i => (string?)i["label"] == "Attention Is All You Need");
        Assert.Equal("Attention Is All You Need]]", (string?)item["textEdit"]!["newText"]);
        Assert.Equal(18, (int)item["kind"]!); // Reference
        Assert.Equal(1, (int)item["textEdit"]!["range"]!["start"]!["line"]!);
        Assert.NotNull(item["documentation"]);
    }

    [Fact]
    public async Task Incremental_changes_apply_in_order_and_full_changes_replace_the_text()
    {
        using var workspace = new TestWorkspace();
        await using var client = await StartAsync(workspace);
        var notes = workspace.PathOf("a.pnotes");
        await client.OpenAsync(notes, "@vaswani2017 and @nokey\n");
        await client.WaitForDiagnosticsAsync(notes, d => d.Count == 1 && (string?)d[0]["code"] == "PN002");

        JObject Edit(int start, int end, string text) => new()
        {
            ["range"] = new JObject
            {
                ["start"] = new JObject { ["line"] = 0, ["character"] = start },
                ["end"] = new JObject { ["line"] = 0, ["character"] = end },
            },
            ["text"] = text,
        };

        // "@vaswani2017 and @nokey" -> delete " and @nokey", then append " @devlin2019" against the text the first edit made.
        await client.NotifyAsync("textDocument/didChange", new JObject
        {
            ["textDocument"] = new JObject { ["uri"] = FileUri.FromPath(notes), ["version"] = 2 },
            ["contentChanges"] = new JArray(Edit(12, 23, ""), Edit(12, 12, " @devlin2019")),
        });
        var clean = await client.WaitForDiagnosticsAsync(notes, d => d.Count == 0);
        Assert.Equal(2, (int)clean["version"]!);

        await client.NotifyAsync("textDocument/didChange", new JObject
        {
            ["textDocument"] = new JObject { ["uri"] = FileUri.FromPath(notes), ["version"] = 3 },
            ["contentChanges"] = new JArray(new JObject { ["text"] = "@unknownkey\n" }),
        });
        var replaced = await client.WaitForDiagnosticsAsync(notes, d => d.Count == 1);
        Assert.Equal(3, (int)replaced["version"]!);
        Assert.Equal(0, (int)replaced["diagnostics"]![0]!["range"]!["start"]!["character"]!);
    }

    [Theory]
    [InlineData(false, 3, 14)] // UTF-16: 😀 is two code units
    [InlineData(true, 5, 16)] // UTF-8: 😀 is four bytes
    public async Task Diagnostic_ranges_after_an_emoji_are_in_the_negotiated_encoding(bool utf8, int start, int end)
    {
        using var workspace = new TestWorkspace();
        var capabilities = utf8 ? LspTestClient.Capabilities("""{ "general": { "positionEncodings": ["utf-8"] } }""") : null;
        await using var client = await StartAsync(workspace, capabilities);
        var notes = workspace.PathOf("a.pnotes");
        await client.OpenAsync(notes, "😀 [[Missing]] then @vaswani2017\n");
        var published = await client.WaitForDiagnosticsAsync(notes, d => d.Count == 1);
        var diagnostic = published["diagnostics"]![0]!;
        Assert.Equal("PN001", (string?)diagnostic["code"]);
        Assert.Equal(start, (int)diagnostic["range"]!["start"]!["character"]!);
        Assert.Equal(end, (int)diagnostic["range"]!["end"]!["character"]!);
        Assert.EndsWith("#pn001", (string?)diagnostic["codeDescription"]!["href"], StringComparison.Ordinal);
        Assert.Equal(1, (int)published["version"]!);
    }

    [Fact]
    public async Task The_pull_model_answers_textDocument_diagnostic_and_pushes_nothing_for_notes()
    {
        using var workspace = new TestWorkspace();
        var capabilities = LspTestClient.Capabilities("""{ "textDocument": { "diagnostic": { "dynamicRegistration": false } } }""");
        var client = new LspTestClient(workspace.Options);
        await using var _ = client;
        var initialize = await client.InitializeAsync(capabilities, [workspace.Folder]);
        Assert.NotNull(initialize!["capabilities"]!["diagnosticProvider"]);
        await client.NotifyAsync("initialized", new JObject());
        await client.WaitForNotificationAsync("paperlsp/collectionStatus", p => (string?)p["state"] == "ready");
        var notes = workspace.PathOf("a.pnotes");
        await client.OpenAsync(notes, "[[Missing]]\n");
        var report = await client.RequestAsync("textDocument/diagnostic", new JObject
        {
            ["textDocument"] = new JObject { ["uri"] = FileUri.FromPath(notes) },
        });
        Assert.Equal("full", (string?)report!["kind"]);
        Assert.Equal("PN001", (string?)report["items"]![0]!["code"]);
        await client.RequestAsync("workspace/symbol", new JObject { ["query"] = "" }); // a round trip after the debounce could fire
        Assert.DoesNotContain(client.Notifications, n => n.Method == "textDocument/publishDiagnostics" && (string?)n.Params["uri"] == FileUri.FromPath(notes));
    }

    [Fact]
    public async Task A_collection_replaced_by_rename_is_reloaded_and_diagnostics_republished()
    {
        using var workspace = new TestWorkspace();
        await using var client = await StartAsync(workspace);
        var notes = workspace.PathOf("a.pnotes");
        await client.OpenAsync(notes, "[[A New Paper]]\n");
        await client.WaitForDiagnosticsAsync(notes, d => d.Count == 1);

        workspace.ReplaceByRename(workspace.Collection, TestWorkspace.DefaultCollection + "\nnew2024 | A New Paper\n");
        await client.WaitForDiagnosticsAsync(notes, d => d.Count == 0);

        workspace.ReplaceByRename(workspace.Collection, TestWorkspace.DefaultCollection);
        await client.WaitForDiagnosticsAsync(notes, d => d.Count == 1);
    }

    [Fact]
    public async Task A_half_written_collection_does_not_replace_the_last_good_load()
    {
        using var workspace = new TestWorkspace();
        await using var client = await StartAsync(workspace);
        var notes = workspace.PathOf("a.pnotes");
        await client.OpenAsync(notes, "@raffel2020\n");
        await client.WaitForDiagnosticsAsync(notes, d => d.Count == 0);
        client.ClearNotifications();

        // Cut mid-write: one paper left and a malformed entry. The reload keeps the three papers while it retries.
        File.WriteAllText(workspace.Collection, "vaswani2017 | Attention Is All You Need\n!devlin2019 | BERT: Pre-tr");
        var ready = await client.WaitForNotificationAsync("paperlsp/collectionStatus", p => (string?)p["state"] == "ready");
        Assert.Equal(3, (int)ready["papers"]!);
        Assert.Contains("half-written", client.ServerLog, StringComparison.Ordinal);

        File.WriteAllText(workspace.Collection, TestWorkspace.DefaultCollection + "\nnew2024 | A New Paper\n");
        await client.WaitForNotificationAsync("paperlsp/collectionStatus", p => (string?)p["state"] == "ready" && (int)p["papers"]! == 4);
    }

    [Fact]
    public async Task A_configuration_change_republishes_diagnostics()
    {
        using var workspace = new TestWorkspace();
        await using var client = await StartAsync(workspace);
        var notes = workspace.PathOf("a.pnotes");
        await client.OpenAsync(notes, "[[Missing]]\n");
        await client.WaitForDiagnosticsAsync(notes, d => d.Count == 1);

        await client.NotifyAsync("workspace/didChangeConfiguration", JObject.Parse("""{ "settings": { "paperlsp": { "diagnostics": { "PN001": "off" } } } }"""));
        await client.WaitForDiagnosticsAsync(notes, d => d.Count == 0);
    }

    [Fact]
    public async Task Configuration_is_pulled_when_the_client_supports_workspace_configuration()
    {
        using var workspace = new TestWorkspace();
        var client = new LspTestClient(workspace.Options) { ConfigurationSettings = JObject.Parse("""{ "diagnostics": { "PN001": "off" } }""") };
        await using var _ = client;
        await client.StartAsync(LspTestClient.Capabilities("""{ "workspace": { "configuration": true } }"""), [workspace.Folder]);
        await client.WaitForNotificationAsync("paperlsp/collectionStatus", p => (string?)p["state"] == "ready");
        var notes = workspace.PathOf("a.pnotes");
        await client.OpenAsync(notes, "[[Missing]] @nokey\n");
        var published = await client.WaitForDiagnosticsAsync(notes, d => d.Count == 1);
        Assert.Equal("PN002", (string?)published["diagnostics"]![0]!["code"]);
        Assert.Contains(client.ServerRequests, r => r.Method == "workspace/configuration" && (string?)r.Params["items"]![0]!["section"] == "paperlsp");
    }

    [Fact]
    public async Task A_broken_paperlsp_json_is_a_PN020_diagnostic_on_that_file()
    {
        using var workspace = new TestWorkspace(configuration: """{ "collections": ["refs.bib"], "diagnostics": { "PN001": "loud" } }""");
        await using var client = await StartAsync(workspace);
        var published = await client.WaitForDiagnosticsAsync(workspace.PathOf("paperlsp.json"), d => d.Count > 0);
        Assert.All(published["diagnostics"]!, d => Assert.Equal("PN020", (string?)d["code"]));
    }

    [Fact]
    public async Task Notes_files_that_are_not_open_count_for_workspace_facts()
    {
        using var workspace = new TestWorkspace();
        File.WriteAllText(workspace.PathOf("closed.pnotes"), "@paper @vaswani2017\nstatus: read\n");
        await using var client = await StartAsync(workspace);
        var symbols = await client.RequestAsync("workspace/symbol", new JObject { ["query"] = "attention" });
        var symbol = Assert.Single(symbols!);
        Assert.Equal(FileUri.FromPath(workspace.PathOf("closed.pnotes")), (string?)symbol["location"]!["uri"]);
    }

    [Fact]
    public async Task Hover_and_definition_point_at_the_paper()
    {
        using var workspace = new TestWorkspace();
        await using var client = await StartAsync(workspace);
        var notes = workspace.PathOf("a.pnotes");
        var fixture = CursorFixture.Parse("Read @devl$0in2019 today\n");
        await client.OpenAsync(notes, fixture.Text);
        var hover = await client.RequestAsync("textDocument/hover", Position(notes, fixture.Line, fixture.Character));
        Assert.Equal("markdown", (string?)hover!["contents"]!["kind"]);
        Assert.Contains("BERT", (string?)hover["contents"]!["value"], StringComparison.Ordinal);
        Assert.Equal(5, (int)hover["range"]!["start"]!["character"]!);

        var definition = await client.RequestAsync("textDocument/definition", Position(notes, fixture.Line, fixture.Character));
        var location = Assert.Single(definition!);
        Assert.Equal(FileUri.FromPath(workspace.Collection), (string?)location["uri"]);
        Assert.Equal(1, (int)location["range"]!["start"]!["line"]!);
    }

    [Fact]
    public async Task SearchPapers_ranks_and_an_empty_query_lists_in_collection_order()
    {
        using var workspace = new TestWorkspace();
        await using var client = await StartAsync(workspace);
        var all = await client.RequestAsync("paperlsp/searchPapers", new JObject { ["query"] = "", ["limit"] = 2 });
        Assert.Equal(["vaswani2017", "devlin2019"], all!["items"]!.Select(i => (string?)i["key"]));
        var bert = await client.RequestAsync("paperlsp/searchPapers", new JObject { ["query"] = "bert" });
        Assert.Equal("devlin2019", (string?)bert!["items"]![0]!["key"]);
        Assert.Equal("Vaswani et al. · 2017 · devlin2019", (string?)bert["items"]![0]!["detail"]);
    }
}
