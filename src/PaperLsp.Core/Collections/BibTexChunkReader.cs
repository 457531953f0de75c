using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace PaperLsp.Core.Collections;

/// <summary>
/// Finds the <c>@…</c> blocks of a .bib stream in one pass over its bytes, read in blocks (megabytes) without ever
/// holding the whole file or a whole-file string: the structure of a .bib file is ASCII (<c>@ { } ( ) " % newline</c>),
/// and no byte of a multi-byte UTF-8 character is ASCII, so braces are counted on bytes and only each block's own bytes
/// are decoded. Outside entries, text is ignored as BibTeX does, and a <c>%</c> line is a comment (so commented-out
/// entries stay out). <c>@comment{…}</c> and <c>@preamble{…}</c> are skipped whole. An entry whose braces do not close
/// before a line that starts a new entry (<c>@word{</c> at line start) is reported broken, and scanning resumes at that
/// line. A block cut by the end of what was read is scanned again from its start once more bytes are in (the buffer
/// doubles when a block outgrows half of it, so rescans stay linear). Lines count <c>\n</c>; columns count UTF-16
/// characters, as the decoded text does. Invalid UTF-8 decodes to U+FFFD, and <see cref="FirstInvalidUtf8"/> says where
/// the first invalid byte was.
/// </summary>
internal sealed class BibTexChunkReader
{
    public const int DefaultBlockSize = 4 << 20;

    private static readonly SearchValues<byte> TopLevelStops = SearchValues.Create("\n%@"u8);
    private static readonly SearchValues<byte> BracedStops = SearchValues.Create("{}\n"u8);
    private static readonly SearchValues<byte> ParenthesizedStops = SearchValues.Create("{}\n\")"u8);

    private readonly Stream _stream;
    private readonly long _start;
    private readonly int _blockSize;
    private byte[] _buffer;
    private int _end;
    private long _bufferOffset;
    private bool _eof;

    // The scan: the next byte, its line, and the UTF-16 characters between the line's start and it.
    private int _position;
    private int _line = 1;
    private int _lineChars;
    private bool _lineBlank = true;

    // UTF-8 validation runs over each block as it is read, ahead of the scan, until the first invalid byte.
    private int _validated;
    private int _validLine = 1;
    private int _validLineChars;
    private long? _firstInvalidOffset;

    public BibTexChunkReader(Stream stream, int blockSize = DefaultBlockSize)
    {
        _stream = stream;
        _start = stream.CanSeek ? stream.Position : 0;
        _blockSize = blockSize;
        // A small file gets a buffer its size (one more byte sees the end without growing).
        var size = stream.CanSeek ? Math.Min(blockSize, Math.Max(0, stream.Length - stream.Position) + 1) : blockSize;
        _buffer = new byte[Math.Max(size, 4)]; // room for the byte order mark
    }

    private enum Outcome
    {
        Chunk,
        NoChunk,
        NeedMore,
    }

    /// <summary>The 1-based line and UTF-16 column of the first invalid UTF-8 byte, once the blocks are read; null when the
    /// file was valid.</summary>
    public (int Line, int Column)? FirstInvalidUtf8 { get; private set; }

    /// <summary>Whether <see cref="Restarted"/> can read the stream again (it can seek).</summary>
    public bool CanRestart => _stream.CanSeek;

    /// <summary>A reader of the same stream from where this one started, with the same block size (needs <see cref="CanRestart"/>).</summary>
    public BibTexChunkReader Restarted()
    {
        _stream.Position = _start;
        return new BibTexChunkReader(_stream, _blockSize);
    }

    /// <summary>The keys crossref fields name, read ahead from the stream without moving it (see <see cref="BibTexCrossrefTargets"/>);
    /// null when some crossref cannot be read that way (or the stream cannot seek): then any entry may be a parent.</summary>
    public HashSet<string>? ScanCrossrefTargets()
    {
        if (!_stream.CanSeek)
        {
            return null;
        }

        var position = _stream.Position;
        try
        {
            return BibTexCrossrefTargets.Scan(_stream);
        }
        finally
        {
            _stream.Position = position;
        }
    }

    public static BibTexChunkReader FromText(string text) => new(new MemoryStream(Encoding.UTF8.GetBytes(text ?? string.Empty)));

    /// <summary>BibTeX's identifier characters: anything printable except <c>"#%'(),={}</c> and whitespace.</summary>
    public static bool IsTypeChar(char c) =>
        !char.IsWhiteSpace(c) && c is not ('"' or '#' or '%' or '\'' or '(' or ')' or ',' or '=' or '{' or '}' or '@' or '\\');

    public IEnumerable<BibTexSourceChunk> ReadChunks()
    {
        Fill();
        if (_end >= 3 && _buffer[0] == 0xEF && _buffer[1] == 0xBB && _buffer[2] == 0xBF)
        {
            _position = 3;
        }

        _validated = _position;
        Validate();
        while (true)
        {
            if (_position >= _end)
            {
                if (!Refill(_position))
                {
                    yield break;
                }

                continue;
            }

            var b = _buffer[_position];
            if (b == '\n')
            {
                _position++;
                _line++;
                _lineChars = 0;
                _lineBlank = true;
                continue;
            }

            if (b == '%')
            {
                var newline = _buffer.AsSpan(_position, _end - _position).IndexOf((byte)'\n');
                if (newline < 0 && !_eof)
                {
                    Refill(_position);
                    continue;
                }

                var to = newline < 0 ? _end : _position + newline;
                AdvanceOnLine(to);
                continue;
            }

            if (b != '@')
            {
                var stop = _buffer.AsSpan(_position, _end - _position).IndexOfAny(TopLevelStops);
                var to = stop >= 0 ? _position + stop : _eof ? _end : CompleteSequencesEnd(_position, _end);
                if (to == _position)
                {
                    Refill(_position);
                    continue;
                }

                AdvanceOnLine(to);
                continue;
            }

            var outcome = ScanBlock(out var chunk);
            if (outcome == Outcome.NeedMore)
            {
                Refill(_position);
                continue;
            }

            if (chunk is not null)
            {
                yield return chunk;
            }
        }
    }

    /// <summary>The block at '@' (<see cref="_position"/>); NeedMore when it runs past the bytes read so far.</summary>
    private Outcome ScanBlock(out BibTexSourceChunk? chunk)
    {
        chunk = null;
        var b = _buffer;
        var end = _end;
        var start = _position;
        var nameEnd = start + 1;
        while (true)
        {
            if (nameEnd >= end)
            {
                if (!_eof)
                {
                    return Outcome.NeedMore;
                }

                break;
            }

            if (b[nameEnd] < 0x80)
            {
                if (!IsTypeChar((char)b[nameEnd]))
                {
                    break;
                }

                nameEnd++;
                continue;
            }

            var status = Rune.DecodeFromUtf8(b.AsSpan(nameEnd, end - nameEnd), out var rune, out var length);
            if (status == OperationStatus.NeedMoreData && !_eof)
            {
                return Outcome.NeedMore;
            }

            if (status == OperationStatus.Done && Rune.IsWhiteSpace(rune))
            {
                break;
            }

            nameEnd += length; // an invalid sequence decodes to U+FFFD, a name character
        }

        var open = nameEnd;
        while (true)
        {
            if (open >= end)
            {
                if (!_eof)
                {
                    return Outcome.NeedMore;
                }

                break;
            }

            if (b[open] < 0x80)
            {
                if (!char.IsWhiteSpace((char)b[open]))
                {
                    break;
                }

                open++;
                continue;
            }

            var status = Rune.DecodeFromUtf8(b.AsSpan(open, end - open), out var rune, out var length);
            if (status == OperationStatus.NeedMoreData && !_eof)
            {
                return Outcome.NeedMore;
            }

            if (status != OperationStatus.Done || !Rune.IsWhiteSpace(rune))
            {
                break;
            }

            open += length;
        }

        var name = Decode(start + 1, nameEnd);
        var type = name.ToLowerInvariant();
        if (type.Length == 0 || open >= end || (b[open] != '{' && b[open] != '('))
        {
            // A stray '@' in free text, or "@comment" used as a line comment, is nothing; "@article title" is broken.
            if (type.Length > 0 && type != "comment" && _lineBlank)
            {
                chunk = new BibTexSourceChunk(BibTexChunkKind.Broken, type, _bufferOffset + start, _line, _lineChars + 1, null, true,
                    $"'@{name}' is not followed by '{{' or '('");
            }

            AdvanceOnLine(nameEnd);
            return chunk is null ? Outcome.NoChunk : Outcome.Chunk;
        }

        var kind = type switch
        {
            "comment" => BibTexChunkKind.Comment,
            "preamble" => BibTexChunkKind.Preamble,
            "string" => BibTexChunkKind.String,
            _ => BibTexChunkKind.Entry,
        };

        // Lines are counted locally and kept only when the block is complete (a NeedMore scans it again).
        var line = _line;
        var lastLineStart = -1;
        for (var k = nameEnd; k < open; k++)
        {
            if (b[k] == '\n')
            {
                line++;
                lastLineStart = k + 1;
            }
        }

        var closing = b[open] == '{' ? (byte)'}' : (byte)')';
        var stops = closing == '}' ? BracedStops : ParenthesizedStops;
        var depth = 0;
        var inQuote = false;
        var j = open + 1;
        var blockEnd = -1;
        var resumeAt = -1;
        while (true)
        {
            var stop = j < end ? b.AsSpan(j, end - j).IndexOfAny(stops) : -1;
            if (stop < 0)
            {
                if (!_eof)
                {
                    return Outcome.NeedMore;
                }

                break;
            }

            j += stop;
            var d = b[j];
            if (d == '{')
            {
                depth++;
            }
            else if (d == '}')
            {
                if (depth == 0 && closing == '}')
                {
                    blockEnd = j + 1;
                    break;
                }

                depth = Math.Max(0, depth - 1);
            }
            else if (d == '"')
            {
                if (depth == 0)
                {
                    inQuote = !inQuote;
                }
            }
            else if (d == ')')
            {
                if (depth == 0 && !inQuote)
                {
                    blockEnd = j + 1;
                    break;
                }
            }
            else
            {
                line++;
                lastLineStart = j + 1;
                if (kind != BibTexChunkKind.Comment)
                {
                    var header = StartsEntryHeader(j + 1);
                    if (header is null)
                    {
                        return Outcome.NeedMore;
                    }

                    if (header.Value)
                    {
                        resumeAt = j + 1;
                        break;
                    }
                }
            }

            j++;
        }

        if (blockEnd > 0)
        {
            var text = kind is BibTexChunkKind.Entry or BibTexChunkKind.String ? Decode(start, blockEnd) : null;
            chunk = new BibTexSourceChunk(kind, type, _bufferOffset + start, _line, _lineChars + 1, text, IsValid(start, blockEnd));
            _line = line;
            if (lastLineStart >= 0)
            {
                _lineChars = 0;
                _position = lastLineStart;
            }

            _lineBlank = false;
            AdvanceOnLine(blockEnd);
            return Outcome.Chunk;
        }

        var what = kind == BibTexChunkKind.Comment ? "@comment" : "entry";
        chunk = new BibTexSourceChunk(BibTexChunkKind.Broken, type, _bufferOffset + start, _line, _lineChars + 1, null, true,
            resumeAt < 0
                ? $"unterminated {what}: no closing '{(char)closing}' before the end of the file"
                : $"unterminated {what}: no closing '{(char)closing}' before the next entry at line {line}");
        _line = line;
        _position = resumeAt < 0 ? end : resumeAt;
        _lineChars = 0;
        _lineBlank = true;
        return Outcome.Chunk;
    }

    /// <summary>Whether the line at <paramref name="position"/> starts like an entry: blanks, '@', a word, blanks, '{' or
    /// '('; null when the bytes read so far end before that is known.</summary>
    private bool? StartsEntryHeader(int position)
    {
        var b = _buffer;
        var end = _end;
        var k = position;
        while (k < end && (b[k] == ' ' || b[k] == '\t'))
        {
            k++;
        }

        if (k >= end)
        {
            return _eof ? false : null;
        }

        if (b[k] != '@')
        {
            return false;
        }

        var nameStart = ++k;
        while (k < end && char.IsAsciiLetter((char)b[k]))
        {
            k++;
        }

        if (k >= end)
        {
            return _eof ? false : null;
        }

        if (k == nameStart)
        {
            return false;
        }

        while (k < end && (b[k] == ' ' || b[k] == '\t'))
        {
            k++;
        }

        if (k >= end)
        {
            return _eof ? false : null;
        }

        return b[k] == '{' || b[k] == '(';
    }

    /// <summary>Moves the scan to <paramref name="to"/> on the same line, counting characters and whether they are blank.</summary>
    private void AdvanceOnLine(int to)
    {
        var span = _buffer.AsSpan(_position, to - _position);
        _lineChars += Encoding.UTF8.GetCharCount(span);
        for (var i = 0; _lineBlank && i < span.Length;)
        {
            if (span[i] < 0x80)
            {
                _lineBlank = char.IsWhiteSpace((char)span[i]);
                i++;
                continue;
            }

            _lineBlank = Rune.DecodeFromUtf8(span[i..], out var rune, out var length) == OperationStatus.Done && Rune.IsWhiteSpace(rune);
            i += length;
        }

        _position = to;
    }

    private string Decode(int from, int to) => Encoding.UTF8.GetString(_buffer, from, to - from);

    private bool IsValid(int from, int to) =>
        _firstInvalidOffset is not { } invalid || invalid >= _bufferOffset + to || Utf8.IsValid(_buffer.AsSpan(from, to - from));

    /// <summary>Reads until the buffer is full or the stream ends.</summary>
    private void Fill()
    {
        while (_end < _buffer.Length)
        {
            var read = _stream.Read(_buffer, _end, _buffer.Length - _end);
            if (read == 0)
            {
                _eof = true;
                return;
            }

            _end += read;
        }
    }

    /// <summary>Drops the bytes before <paramref name="keepFrom"/> and reads more; false when the stream has ended.</summary>
    private bool Refill(int keepFrom)
    {
        if (_eof)
        {
            return false;
        }

        var keep = _end - keepFrom;
        var target = keep > _buffer.Length / 2 ? new byte[checked(_buffer.Length * 2)] : _buffer;
        Buffer.BlockCopy(_buffer, keepFrom, target, 0, keep);
        _buffer = target;
        _bufferOffset += keepFrom;
        _end = keep;
        _position -= keepFrom;
        _validated -= keepFrom;
        Fill();
        Validate();
        return true;
    }

    /// <summary>Validates the bytes read since the last call, up to the last complete character, until the first invalid one.</summary>
    private void Validate()
    {
        if (_firstInvalidOffset is not null)
        {
            _validated = _end;
            return;
        }

        var upTo = _eof ? _end : CompleteSequencesEnd(_validated, _end);
        var span = _buffer.AsSpan(_validated, upTo - _validated);
        if (Utf8.IsValid(span))
        {
            CountValidated(span);
            _validated = upTo;
            return;
        }

        var invalid = 0;
        while (Rune.DecodeFromUtf8(span[invalid..], out _, out var length) == OperationStatus.Done)
        {
            invalid += length;
        }

        CountValidated(span[..invalid]);
        _firstInvalidOffset = _bufferOffset + _validated + invalid;
        FirstInvalidUtf8 = (_validLine, _validLineChars + 1);
        _validated = _end;
    }

    private void CountValidated(ReadOnlySpan<byte> span)
    {
        var lastNewline = span.LastIndexOf((byte)'\n');
        if (lastNewline < 0)
        {
            _validLineChars += Encoding.UTF8.GetCharCount(span);
            return;
        }

        _validLine += span.Count((byte)'\n');
        _validLineChars = Encoding.UTF8.GetCharCount(span[(lastNewline + 1)..]);
    }

    /// <summary><paramref name="end"/>, or the start of a multi-byte character the bytes read so far cut short.</summary>
    private int CompleteSequencesEnd(int from, int end)
    {
        var k = end - 1;
        var continuations = 0;
        while (k >= from && continuations < 3 && (_buffer[k] & 0xC0) == 0x80)
        {
            k--;
            continuations++;
        }

        if (k < from || _buffer[k] < 0xC0)
        {
            return end;
        }

        var needed = _buffer[k] >= 0xF0 ? 4 : _buffer[k] >= 0xE0 ? 3 : 2;
        return k + needed > end ? k : end;
    }
}
