namespace PaperLsp.Core.Text;

/// <summary>A zero-based line and a zero-based column counted in UTF-16 code units, as LSP counts by default.</summary>
public readonly record struct LinePosition(int Line, int Character) : IComparable<LinePosition>
{
    public int CompareTo(LinePosition other) =>
        Line != other.Line ? Line.CompareTo(other.Line) : Character.CompareTo(other.Character);

    public override string ToString() => $"{Line}:{Character}";
}
