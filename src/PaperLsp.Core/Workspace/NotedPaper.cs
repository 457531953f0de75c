using PaperLsp.Core.Collections;
using PaperLsp.Core.Syntax;

namespace PaperLsp.Core.Workspace;

/// <summary>An <c>@paper</c> entry of the workspace with the paper it notes (null when its reference does not resolve).</summary>
public sealed record NotedPaper(string DocumentPath, EntrySyntax Entry, Paper? Paper, string Identity)
{
    /// <summary>"notes.pnotes:12": the entry's file relative to the folder of <paramref name="relativeTo"/>, and its 1-based line.</summary>
    public string Describe(WorkspaceSnapshot snapshot, string relativeTo)
    {
        var line = snapshot.GetDocument(DocumentPath)?.Text.Lines.LineOf(Entry.Span.Start) + 1;
        var name = DocumentPath == relativeTo
            ? Path.GetFileName(DocumentPath)
            : Path.GetRelativePath(Path.GetDirectoryName(relativeTo) ?? ".", DocumentPath);
        return line is null ? name : $"{name}:{line}";
    }
}
