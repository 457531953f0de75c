using Sprache;

namespace PaperLsp.Core.Syntax;

/// <summary>
/// A Sprache input over one line of a text, without copying it: <see cref="Position"/> is the UTF-16 offset in the whole text
/// (so Sprache's <c>Span()</c> yields document offsets) and the input ends at the line's end, before the line break, so no
/// parser can run across lines.
/// </summary>
internal sealed class LineInput : IInput
{
    private Dictionary<object, object>? _memos;

    public LineInput(string source, int position, int end)
    {
        Source = source;
        Position = position;
        End = end;
    }

    public string Source { get; }

    public int Position { get; }

    /// <summary>The offset where this input ends (the line's end).</summary>
    public int End { get; }

    public char Current => Position < End ? Source[Position] : '\0';

    public bool AtEnd => Position >= End;

    // Sprache only shows Line/Column in failure messages, which the notes parser never surfaces.
    public int Line => 1;

    public int Column => Position + 1;

    public IDictionary<object, object> Memos => _memos ??= new Dictionary<object, object>();

    public IInput Advance() =>
        AtEnd ? throw new InvalidOperationException("Cannot advance beyond the end of the line.") : AdvanceTo(Position + 1);

    /// <summary>Jumps forward to an offset of the same line; the hand-written run scanners use it.</summary>
    public LineInput AdvanceTo(int position) => new(Source, Math.Min(position, End), End);

    public bool Equals(IInput? other) =>
        other is LineInput line && ReferenceEquals(Source, line.Source) && Position == line.Position && End == line.End;

    public override bool Equals(object? obj) => obj is IInput other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(Position, End);
}
