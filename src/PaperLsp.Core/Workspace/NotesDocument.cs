using PaperLsp.Core.Syntax;
using PaperLsp.Core.Text;

namespace PaperLsp.Core.Workspace;

/// <summary>
/// One notes file: its text and (parsed on first use, once) its syntax tree. Immutable. A document made by
/// <see cref="WithText"/> parses incrementally from the latest parse of an earlier version, so an edit re-parses only the
/// blocks it touches.
/// </summary>
public sealed class NotesDocument
{
    private readonly Lazy<NotesSyntaxTree> _syntax;

    // The parse of an earlier version to reuse; dropped once this version is parsed, so a document holds at most one.
    private NotesSyntaxTree? _earlier;

    private NotesDocument(string path, SourceText text, int? version, bool isOpen, NotesSyntaxTree? earlier = null)
    {
        Path = path;
        Text = text;
        Version = version;
        IsOpen = isOpen;
        _earlier = earlier;
        _syntax = new Lazy<NotesSyntaxTree>(ParseSyntax, LazyThreadSafetyMode.ExecutionAndPublication);
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

    /// <summary>The next version of this document; its tree is parsed from this one's (or from the one this would reuse).</summary>
    public NotesDocument WithText(SourceText text, int? version) =>
        new(Path, text, version, IsOpen, _syntax.IsValueCreated ? _syntax.Value : Volatile.Read(ref _earlier));

    private NotesSyntaxTree ParseSyntax()
    {
        var earlier = Volatile.Read(ref _earlier);
        var tree = earlier is null ? NotesParser.Parse(Text) : NotesParser.Reparse(earlier, Text);
        Volatile.Write(ref _earlier, null);
        return tree;
    }
}
