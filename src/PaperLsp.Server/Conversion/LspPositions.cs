using PaperLsp.Core.Text;
using PaperLsp.Server.Protocol;
using Range = PaperLsp.Server.Protocol.Range;

namespace PaperLsp.Server.Conversion;

/// <summary>Converts between core offsets/spans (UTF-16 offsets) and LSP positions/ranges in the negotiated encoding.</summary>
public sealed class LspPositions(PositionEncoding encoding)
{
    public static LspPositions Utf16 { get; } = new(PositionEncoding.Utf16);

    public PositionEncoding Encoding { get; } = encoding;

    public string EncodingName => Encoding == PositionEncoding.Utf8 ? "utf-8" : "utf-16";

    public Position ToPosition(SourceText text, int offset)
    {
        var lines = text.Lines;
        var position = lines.GetPosition(offset);
        var character = Encoding == PositionEncoding.Utf8 ? lines.Utf8Column(Math.Clamp(offset, 0, text.Length)) : position.Character;
        return new Position(position.Line, character);
    }

    public Range ToRange(SourceText text, TextSpan span) =>
        new() { Start = ToPosition(text, span.Start), End = ToPosition(text, span.End) };

    public int ToOffset(SourceText text, Position position) =>
        Encoding == PositionEncoding.Utf8
            ? text.Lines.OffsetFromUtf8(position.Line, position.Character)
            : text.Lines.GetOffset(new LinePosition(position.Line, position.Character));

    public TextSpan ToSpan(SourceText text, Range range)
    {
        var start = ToOffset(text, range.Start);
        var end = ToOffset(text, range.End);
        return TextSpan.FromBounds(Math.Min(start, end), Math.Max(start, end));
    }

    /// <summary>A range on a 1-based line of a file we do not hold the text of (collection entries): the line's start.</summary>
    public static Range LineStart(int oneBasedLine)
    {
        var line = Math.Max(0, oneBasedLine - 1);
        return new Range { Start = new Position(line, 0), End = new Position(line, 0) };
    }
}
