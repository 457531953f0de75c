using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace PaperLsp.Server.Protocol;

/// <summary>What the server offers.</summary>
public sealed record ServerCapabilities
{
    public string? PositionEncoding { get; init; }

    public TextDocumentSyncOptions? TextDocumentSync { get; init; }

    public CompletionOptions? CompletionProvider { get; init; }

    public bool HoverProvider { get; init; }

    public bool DefinitionProvider { get; init; }

    public bool ReferencesProvider { get; init; }

    public bool DocumentSymbolProvider { get; init; }

    public CodeActionOptions? CodeActionProvider { get; init; }

    public bool WorkspaceSymbolProvider { get; init; }

    public DiagnosticOptions? DiagnosticProvider { get; init; }

    public WorkspaceServerCapabilities? Workspace { get; init; }
}
