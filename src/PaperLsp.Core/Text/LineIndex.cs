namespace PaperLsp.Core.Text;

/// <summary>
/// Maps UTF-16 offsets to zero-based (line, UTF-16 column) positions and back. A line ends at LF, CR LF or a lone CR;
/// the line break belongs to the line it ends. Positions past a line's end clamp to that end (before the break), as the LSP
/// specification asks.
/// </summary>
public sealed class LineIndex
{
    private readonly int[] _lineStarts;
    private readonly string _text;

    public LineIndex(string text)
    {
        _text = text;
        var starts = new List<int>(Math.Max(16, text.Length / 40)) { 0 };
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\r')
            {
                if (i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                starts.Add(i + 1);
            }
            else if (c == '\n')
            {
                starts.Add(i + 1);
            }
        }

        _lineStarts = starts.ToArray();
    }

    public int LineCount => _lineStarts.Length;

    public int LineStart(int line) => _lineStarts[Math.Clamp(line, 0, _lineStarts.Length - 1)];

    /// <summary>The span of a line's content, without its line break.</summary>
    public TextSpan LineSpan(int line)
    {
        line = Math.Clamp(line, 0, _lineStarts.Length - 1);
        var start = _lineStarts[line];
        var end = line + 1 < _lineStarts.Length ? _lineStarts[line + 1] : _text.Length;
        if (end > start && _text[end - 1] == '\n')
        {
            end--;
        }

        if (end > start && _text[end - 1] == '\r')
        {
            end--;
        }

        return TextSpan.FromBounds(start, end);
    }

    /// <summary>The line that contains the offset; an offset at the text's end is on the last line.</summary>
    public int LineOf(int offset)
    {
        offset = Math.Clamp(offset, 0, _text.Length);
        var index = Array.BinarySearch(_lineStarts, offset);
        return index >= 0 ? index : ~index - 1;
    }

    public LinePosition GetPosition(int offset)
    {
        offset = Math.Clamp(offset, 0, _text.Length);
        var line = LineOf(offset);
        return new LinePosition(line, offset - _lineStarts[line]);
    }

    /// <summary>The offset of a position; a line past the end gives the text's end, a column past the line's end gives the line's end.</summary>
    public int GetOffset(LinePosition position)
    {
        if (position.Line < 0)
        {
            return 0;
        }

        if (position.Line >= _lineStarts.Length)
        {
            return _text.Length;
        }

        var span = LineSpan(position.Line);
        return span.Start + Math.Clamp(position.Character, 0, span.Length);
    }

    /// <summary>The column of an offset counted in UTF-8 bytes, for clients that negotiate the utf-8 position encoding.</summary>
    public int Utf8Column(int offset)
    {
        var position = GetPosition(offset);
        var start = _lineStarts[position.Line];
        return System.Text.Encoding.UTF8.GetByteCount(_text.AsSpan(start, offset - start));
    }

    /// <summary>The offset of a (line, UTF-8 byte column) position; a column inside a character rounds down to its start.</summary>
    public int OffsetFromUtf8(int line, int utf8Column)
    {
        if (line >= _lineStarts.Length)
        {
            return _text.Length;
        }

        var span = LineSpan(Math.Max(0, line));
        var bytes = 0;
        var i = span.Start;
        while (i < span.End)
        {
            var width = char.IsHighSurrogate(_text[i]) && i + 1 < span.End && char.IsLowSurrogate(_text[i + 1]) ? 2 : 1;
            var byteCount = width == 2 ? 4 : _text[i] < 0x80 ? 1 : _text[i] < 0x800 ? 2 : 3;
            if (bytes + byteCount > utf8Column)
            {
                break;
            }

            bytes += byteCount;
            i += width;
        }

        return i;
    }
}
