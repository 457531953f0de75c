using PaperLsp.Core.Syntax;
using PaperLsp.Core.Text;

namespace PaperLsp.Core.Workspace;

/// <summary>One notes file: its text and (parsed on first use, once) its syntax tree. Immutable.</summary>
public sealed class NotesDocument
{
    private readonly Lazy<NotesSyntaxTree> _syntax;

    private NotesDocument(string path, SourceText text, int? version, bool isOpen)
    {
        Path = path;
        Text = text;
        Version = version;
        IsOpen = isOpen;
        _syntax = new Lazy<NotesSyntaxTree>(() => NotesParser.Parse(text), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The absolute file path (the server maps URIs to paths).</summary>
    public string Path { get; }

    public SourceText Text { get; }

    /// <summary>The editor's version of an open document; null for a file read from disk.</summary>
    public int? Version { get; }

    /// <summary>Open in the editor (its text is the editor's), rather than read from disk.</summary>
    public bool IsOpen { get; }

    public NotesSyntaxTree Syntax => _syntax.Value;

    public static NotesDocument Create(string path, SourceText text, int? version, bool isOpen) => new(path, text, version, isOpen);

    public static NotesDocument Create(string path, string text) => new(path, SourceText.From(text), null, false);

    public NotesDocument WithText(SourceText text, int? version) => new(Path, text, version, IsOpen);
}
