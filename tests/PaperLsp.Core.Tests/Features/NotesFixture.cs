using PaperLsp.Core.Collections;
using PaperLsp.Core.Workspace;

namespace PaperLsp.Core.Tests.Features;

/// <summary>
/// A notes file with a <c>$0</c> cursor marker in a workspace snapshot: the text without the marker is the document at
/// <see cref="Path"/>, <see cref="Cursor"/> is the UTF-16 offset where the marker was. Papers default to
/// <see cref="TestPapers.TransformerIndex"/> and count as loaded; other documents join the same workspace.
/// </summary>
public sealed record NotesFixture(WorkspaceSnapshot Snapshot, string Path, string Text, int Cursor)
{
    public const string DefaultPath = "/ws/notes.pnotes";
    public const string CursorMarker = "$0";

    public static NotesFixture Create(
        string textWithCursor,
        PaperIndex? papers = null,
        PaperLspConfiguration? configuration = null,
        bool papersLoaded = true,
        params (string Path, string Text)[] otherDocuments)
    {
        var cursor = textWithCursor.IndexOf(CursorMarker, StringComparison.Ordinal);
        var text = cursor < 0 ? textWithCursor : textWithCursor.Remove(cursor, CursorMarker.Length);
        var snapshot = WorkspaceSnapshot.Empty;
        if (papersLoaded)
        {
            snapshot = snapshot.WithPapers(papers ?? TestPapers.TransformerIndex);
        }

        if (configuration is not null)
        {
            snapshot = snapshot.WithConfiguration(configuration);
        }

        var document = NotesDocument.Create(DefaultPath, text);
        snapshot = snapshot.WithDocument(document);
        foreach (var (path, other) in otherDocuments)
        {
            snapshot = snapshot.WithDocument(NotesDocument.Create(path, other));
        }

        // SourceText drops a leading BOM: offsets are into the document's text.
        var dropped = text.Length - document.Text.Length;
        return new NotesFixture(snapshot, DefaultPath, document.Text.Text, Math.Max(cursor - dropped, 0));
    }

    /// <summary>"line:col" (1-based, UTF-16 columns) of an offset in the fixture's text.</summary>
    public string Position(int offset)
    {
        var position = Snapshot.GetDocument(Path)!.Text.Lines.GetPosition(offset);
        return $"{position.Line + 1}:{position.Character + 1}";
    }
}
