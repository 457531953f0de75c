using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using PaperLsp.Server.Protocol;
using PaperLsp.Server.Tests.Infrastructure;
using PaperLsp.Server.Transport;

namespace PaperLsp.Server.Tests;

/// <summary>initialize's params and result are read and written by hand; they must say what the serializer would.</summary>
public sealed class InitializeJsonTests
{
    private static readonly JsonSerializer Serializer = JsonRpcFactory.CreateSerializer();

    [Theory]
    [InlineData("""{ "capabilities": {} }""")]
    [InlineData("""{ "processId": null, "rootUri": null, "rootPath": null, "capabilities": null, "trace": null, "workspaceFolders": null, "initializationOptions": null }""")]
    [InlineData("""
        { "processId": 4242, "rootUri": "file:///home/ada/notes", "rootPath": "/home/ada/notes", "trace": "verbose",
          "capabilities": { "general": { "positionEncodings": ["utf-8"] }, "workspace": { "configuration": true } },
          "initializationOptions": { "collections": ["refs.bib"], "diagnostics": { "PN001": "off" } },
          "workspaceFolders": [ { "uri": "file:///home/ada/notes", "name": "notes" }, { "uri": "file:///tmp/x" } ],
          "clientInfo": { "name": "an editor" }, "locale": "fr" }
        """)]
    public void Params_read_by_hand_are_the_serializers(string json)
    {
        var raw = JObject.Parse(json);
        var byHand = InitializeParams.FromJson(raw);
        var serialized = raw.ToObject<InitializeParams>(Serializer)!;

        Assert.Equal(serialized.ProcessId, byHand.ProcessId);
        Assert.Equal(serialized.RootUri, byHand.RootUri);
        Assert.Equal(serialized.RootPath, byHand.RootPath);
        Assert.Equal(serialized.Trace, byHand.Trace);
        Assert.True(JToken.DeepEquals(serialized.InitializationOptions, byHand.InitializationOptions));
        Assert.True(JToken.DeepEquals(serialized.Capabilities, byHand.Capabilities));
        Assert.Equal(serialized.WorkspaceFolders, byHand.WorkspaceFolders);
    }

    [Theory]
    [InlineData("""{ "processId": "me" }""")]
    [InlineData("""{ "processId": 1.5 }""")]
    [InlineData("""{ "processId": 99999999999999999999999 }""")]
    [InlineData("""{ "capabilities": [] }""")]
    [InlineData("""{ "workspaceFolders": [ { "name": "no uri" } ] }""")]
    [InlineData("""{ "workspaceFolders": {} }""")]
    [InlineData("""{ "rootUri": {} }""")]
    public void Params_of_the_wrong_shape_are_refused(string json) =>
        Assert.ThrowsAny<JsonException>(() => InitializeParams.FromJson(JObject.Parse(json)));

    [Fact]
    public async Task Initialize_with_params_of_the_wrong_shape_answers_InvalidParams()
    {
        await using var client = new LspTestClient();
        Assert.Equal(-32602, await RpcErrors.CodeOf(() => client.RequestAsync("initialize", JObject.Parse("""{ "processId": "me", "capabilities": {} }"""))));
    }

    [Fact]
    public void The_result_written_by_hand_is_the_serializers()
    {
        var full = new InitializeResult
        {
            Capabilities = new ServerCapabilities
            {
                PositionEncoding = "utf-8",
                TextDocumentSync = new TextDocumentSyncOptions { OpenClose = true, Change = TextDocumentSyncKind.Incremental, Save = new SaveOptions { IncludeText = false } },
                CompletionProvider = new CompletionOptions { TriggerCharacters = ["[", "@"], ResolveProvider = true },
                HoverProvider = true,
                DefinitionProvider = true,
                ReferencesProvider = false,
                DocumentSymbolProvider = true,
                CodeActionProvider = new CodeActionOptions { CodeActionKinds = ["quickfix"] },
                WorkspaceSymbolProvider = true,
                DiagnosticProvider = new DiagnosticOptions { Identifier = "paperlsp", InterFileDependencies = true, WorkspaceDiagnostics = false },
                Workspace = new WorkspaceServerCapabilities { WorkspaceFolders = new WorkspaceFoldersServerCapabilities { Supported = true, ChangeNotifications = true } },
            },
            ServerInfo = new ServerInfo { Name = "paperlsp", Version = "1.2.3" },
        };
        var sparse = new InitializeResult
        {
            Capabilities = new ServerCapabilities
            {
                TextDocumentSync = new TextDocumentSyncOptions { Change = TextDocumentSyncKind.Full },
                CompletionProvider = new CompletionOptions(),
                CodeActionProvider = new CodeActionOptions(),
                DiagnosticProvider = new DiagnosticOptions(),
                Workspace = new WorkspaceServerCapabilities(),
            },
            ServerInfo = new ServerInfo { Name = "paperlsp" },
        };

        foreach (var result in new[] { full, sparse, sparse with { Capabilities = new ServerCapabilities(), ServerInfo = null } })
        {
            // As text: the same members in the same order, with the same values.
            Assert.Equal(JToken.FromObject(result, Serializer).ToString(Formatting.None), InitializeResultJson.Of(result).ToString(Formatting.None));
        }
    }
}
