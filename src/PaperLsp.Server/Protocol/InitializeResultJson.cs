using Newtonsoft.Json.Linq;

namespace PaperLsp.Server.Protocol;

/// <summary>
/// The answer to initialize as JSON built by hand, in the serializer's shape (camelCase, null fields left out): the
/// serializer's reflection over these nine record types on first use cost more than the rest of the answer, and
/// initialize is the first thing an editor waits for.
/// </summary>
public static class InitializeResultJson
{
    public static JObject Of(InitializeResult result)
    {
        var json = new JObject { ["capabilities"] = Capabilities(result.Capabilities) };
        if (result.ServerInfo is { } info)
        {
            var infoJson = new JObject { ["name"] = info.Name };
            Add(infoJson, "version", info.Version);
            json["serverInfo"] = infoJson;
        }

        return json;
    }

    private static JObject Capabilities(ServerCapabilities capabilities)
    {
        var json = new JObject();
        Add(json, "positionEncoding", capabilities.PositionEncoding);
        if (capabilities.TextDocumentSync is { } sync)
        {
            var syncJson = new JObject { ["openClose"] = sync.OpenClose, ["change"] = (int)sync.Change };
            if (sync.Save is { } save)
            {
                syncJson["save"] = new JObject { ["includeText"] = save.IncludeText };
            }

            json["textDocumentSync"] = syncJson;
        }

        if (capabilities.CompletionProvider is { } completion)
        {
            var completionJson = new JObject();
            Add(completionJson, "triggerCharacters", completion.TriggerCharacters);
            completionJson["resolveProvider"] = completion.ResolveProvider;
            json["completionProvider"] = completionJson;
        }

        json["hoverProvider"] = capabilities.HoverProvider;
        json["definitionProvider"] = capabilities.DefinitionProvider;
        json["referencesProvider"] = capabilities.ReferencesProvider;
        json["documentSymbolProvider"] = capabilities.DocumentSymbolProvider;
        if (capabilities.CodeActionProvider is { } codeAction)
        {
            var codeActionJson = new JObject();
            Add(codeActionJson, "codeActionKinds", codeAction.CodeActionKinds);
            json["codeActionProvider"] = codeActionJson;
        }

        json["workspaceSymbolProvider"] = capabilities.WorkspaceSymbolProvider;
        if (capabilities.DiagnosticProvider is { } diagnostic)
        {
            var diagnosticJson = new JObject();
            Add(diagnosticJson, "identifier", diagnostic.Identifier);
            diagnosticJson["interFileDependencies"] = diagnostic.InterFileDependencies;
            diagnosticJson["workspaceDiagnostics"] = diagnostic.WorkspaceDiagnostics;
            json["diagnosticProvider"] = diagnosticJson;
        }

        if (capabilities.Workspace is { } workspace)
        {
            var workspaceJson = new JObject();
            if (workspace.WorkspaceFolders is { } folders)
            {
                workspaceJson["workspaceFolders"] = new JObject { ["supported"] = folders.Supported, ["changeNotifications"] = folders.ChangeNotifications };
            }

            json["workspace"] = workspaceJson;
        }

        return json;
    }

    private static void Add(JObject json, string name, string? value)
    {
        if (value is not null)
        {
            json[name] = value;
        }
    }

    private static void Add(JObject json, string name, IReadOnlyList<string>? values)
    {
        if (values is not null)
        {
            json[name] = new JArray(values);
        }
    }
}
