using PaperLsp.Core.Text;
using PaperLsp.Core.Workspace;
using PaperLsp.Server.Conversion;
using PaperLsp.Server.Dispatch;
using PaperLsp.Server.Protocol;
using PaperLsp.Server.Workspace;

namespace PaperLsp.Server.Handlers.TextDocumentSync;

/// <summary>didOpen / didChange / didClose as mutations of the workspace, applied at arrival in arrival order.</summary>
public sealed class TextDocumentSyncHandler(WorkspaceState state, Func<LspPositions> positions, ServerLog log)
{
    public void Open(DidOpenTextDocumentParams parameters)
    {
        var item = parameters.TextDocument;
        var path = FileUri.ToPath(item.Uri);
        if (path is null)
        {
            log.Log($"Ignoring didOpen of a non-file URI {item.Uri}.");
            return;
        }

        state.SetOpenUri(path, item.Uri);
        state.Mutate(s => s.WithDocument(NotesDocument.Create(path, SourceText.From(item.Text), item.Version, isOpen: true)));
    }

    public void Change(DidChangeTextDocumentParams parameters)
    {
        var path = FileUri.ToPath(parameters.TextDocument.Uri);
        if (path is null)
        {
            return;
        }

        var encoding = positions();
        state.Mutate(snapshot =>
        {
            var document = snapshot.GetDocument(path);
            if (document is null || !document.IsOpen)
            {
                log.Warning($"didChange for {parameters.TextDocument.Uri}, which is not open; ignored.");
                return snapshot;
            }

            return snapshot.WithDocument(document.WithText(Apply(document.Text, parameters.ContentChanges, encoding), parameters.TextDocument.Version));
        });
    }

    public void Close(DidCloseTextDocumentParams parameters)
    {
        var path = FileUri.ToPath(parameters.TextDocument.Uri);
        if (path is null)
        {
            return;
        }

        state.SetOpenUri(path, null);

        // A closed notes file still counts for workspace-wide facts: it goes back to its content on disk.
        var onDisk = NotesFiles.TryRead(path);
        state.Mutate(s => onDisk is null ? s.WithoutDocument(path) : s.WithDocument(onDisk));
    }

    /// <summary>
    /// Applies LSP content changes in order, each against the text the previous one produced; a change without a range
    /// replaces the whole text (full sync).
    /// </summary>
    public static SourceText Apply(SourceText text, IEnumerable<TextDocumentContentChangeEvent> changes, LspPositions positions)
    {
        foreach (var change in changes)
        {
            text = change.Range is null
                ? SourceText.From(change.Text)
                : text.WithChanges([new TextChange(positions.ToSpan(text, change.Range), change.Text)]);
        }

        return text;
    }
}
