using Sprache;

namespace PaperLsp.Core.Collections;

/// <summary>
/// A Sprache input over the whole .bib text that can jump ahead: the value scanners of <see cref="BibTexGrammar"/>
/// skip a whole braced value in one step instead of allocating an input per character, which keeps Sprache
/// affordable on 100 MB files. Line and column are absolute in the file.
/// </summary>
internal sealed class BibTexInput : IInput
{
    private IDictionary<object, object>? _memos;

    public BibTexInput(string source, int position, int line, int column)
    {
        Source = source;
        Position = position;
        Line = line;
        Column = column;
    }

    public string Source { get; }

    public int Position { get; }

    public int Line { get; }

    public int Column { get; }

    public char Current => Source[Position];

    public bool AtEnd => Position >= Source.Length;

    public IDictionary<object, object> Memos => _memos ??= new Dictionary<object, object>();

    public IInput Advance()
    {
        if (AtEnd)
        {
            throw new InvalidOperationException("The input is already at its end.");
        }

        return Current == '\n'
            ? new BibTexInput(Source, Position + 1, Line + 1, 1)
            : new BibTexInput(Source, Position + 1, Line, Column + 1);
    }

    /// <summary>The input at <paramref name="position"/> (not before this one), with line and column counted on the way.</summary>
    public BibTexInput AdvanceTo(int position)
    {
        var line = Line;
        var column = Column;
        for (var i = Position; i < position; i++)
        {
            if (Source[i] == '\n')
            {
                line++;
                column = 1;
            }
            else
            {
                column++;
            }
        }

        return new BibTexInput(Source, position, line, column);
    }

    public bool Equals(IInput? other) =>
        other is not null && ReferenceEquals(Source, other.Source) && Position == other.Position;

    public override bool Equals(object? obj) => obj is IInput other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(Position, Source.Length);

    public override string ToString() => $"Line {Line}, Column {Column}";
}
