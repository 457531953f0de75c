using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace PaperLsp.Server.Protocol;

/// <summary>Method names, in one place.</summary>
public static class LspMethods
{
    public const string Initialize = "initialize";
    public const string Initialized = "initialized";
    public const string Shutdown = "shutdown";
    public const string Exit = "exit";
    public const string SetTrace = "$/setTrace";
    public const string LogTrace = "$/logTrace";
    public const string Progress = "$/progress";
    public const string DidOpen = "textDocument/didOpen";
    public const string DidChange = "textDocument/didChange";
    public const string DidClose = "textDocument/didClose";
    public const string DidSave = "textDocument/didSave";
    public const string Completion = "textDocument/completion";
    public const string CompletionResolve = "completionItem/resolve";
    public const string Hover = "textDocument/hover";
    public const string Definition = "textDocument/definition";
    public const string References = "textDocument/references";
    public const string DocumentSymbol = "textDocument/documentSymbol";
    public const string CodeAction = "textDocument/codeAction";
    public const string DocumentDiagnostic = "textDocument/diagnostic";
    public const string PublishDiagnostics = "textDocument/publishDiagnostics";
    public const string WorkspaceSymbol = "workspace/symbol";
    public const string WorkspaceConfiguration = "workspace/configuration";
    public const string DidChangeConfiguration = "workspace/didChangeConfiguration";
    public const string DidChangeWatchedFiles = "workspace/didChangeWatchedFiles";
    public const string DidChangeWorkspaceFolders = "workspace/didChangeWorkspaceFolders";
    public const string DiagnosticRefresh = "workspace/diagnostic/refresh";
    public const string RegisterCapability = "client/registerCapability";
    public const string LogMessage = "window/logMessage";
    public const string WorkDoneProgressCreate = "window/workDoneProgress/create";
    public const string CollectionStatus = "paperlsp/collectionStatus";
    public const string SearchPapers = "paperlsp/searchPapers";
}
