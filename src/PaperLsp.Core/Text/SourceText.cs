namespace PaperLsp.Core.Text;

/// <summary>An immutable text with its line index, built on first use. A leading byte-order mark is not part of the text.</summary>
public sealed class SourceText
{
    private LineIndex? _lines;

    private SourceText(string text)
    {
        Text = text;
    }

    public string Text { get; }

    public int Length => Text.Length;

    public LineIndex Lines => _lines ??= new LineIndex(Text);

    public static SourceText From(string text) =>
        new(text.Length > 0 && text[0] == '\uFEFF' ? text[1..] : text);

    /// <summary>Reads a file as UTF-8 (BOM accepted); invalid bytes become U+FFFD rather than failing.</summary>
    public static SourceText FromFile(string path) => From(File.ReadAllText(path, System.Text.Encoding.UTF8));

    public string ToString(TextSpan span) => Text.Substring(span.Start, span.Length);

    public override string ToString() => Text;

    /// <summary>Applies changes in order, each against the text the previous one produced (LSP's incremental sync semantics).</summary>
    public SourceText WithChanges(IEnumerable<TextChange> changes)
    {
        var text = Text;
        foreach (var change in changes)
        {
            var start = Math.Clamp(change.Span.Start, 0, text.Length);
            var end = Math.Clamp(change.Span.End, start, text.Length);
            text = string.Concat(text.AsSpan(0, start), change.NewText, text.AsSpan(end));
        }

        return new SourceText(text);
    }
}
