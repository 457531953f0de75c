namespace PaperLsp.Core.Collections;

/// <summary>
/// A hand-written reader for well-formed .bib blocks, tried before the Sprache grammar (<see cref="BibTexGrammar"/>):
/// it accepts a subset of what the grammar accepts and yields the same <see cref="BibTexRawEntry"/> (same parts, lines
/// and columns), without the grammar's per-step allocations, which made loading 100k entries take tens of seconds
/// (profiled: most of the load time was Sprache plus the garbage collections its allocations caused). On anything it
/// is not sure about it returns null and the grammar parses the block, so malformed blocks get the grammar's messages.
/// </summary>
internal static class BibTexBlockReader
{
    private static readonly System.Buffers.SearchValues<char> BraceStops = System.Buffers.SearchValues.Create("{}");
    private static readonly System.Buffers.SearchValues<char> QuotedStops = System.Buffers.SearchValues.Create("{}\"");

    /// <summary>Entry types and field names as most files spell them: one string each for every load, instead of one per
    /// entry and field (about 300 bytes an entry, all garbage). Any other spelling is cut out as before.</summary>
    private static readonly System.Collections.Frozen.FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> KnownNames =
        System.Collections.Frozen.FrozenSet.ToFrozenSet(
        [
            "article", "inproceedings", "incollection", "inbook", "book", "proceedings", "misc", "phdthesis", "mastersthesis",
            "techreport", "report", "thesis", "online", "manual", "unpublished", "collection", "booklet", "conference",
            "title", "subtitle", "author", "editor", "year", "date", "month", "journal", "journaltitle", "booktitle",
            "publisher", "institution", "school", "organization", "abstract", "doi", "url", "urldate", "eprint", "eprinttype",
            "archiveprefix", "primaryclass", "pages", "volume", "number", "series", "edition", "address", "location", "note",
            "keywords", "crossref", "isbn", "issn", "language", "howpublished", "type", "file", "timestamp", "biburl",
            "bibsource", "issue", "articleno", "numpages", "acmid", "copyright",
        ], StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    public static BibTexRawEntry? TryRead(string text, BibTexChunk chunk, bool isStringDefinition)
    {
        var reader = new Cursor(text, chunk.Start, chunk.End, chunk.Line, chunk.Column);
        return reader.ReadBlock(isStringDefinition);
    }

    private struct Cursor(string text, int position, int end, int line, int column)
    {
        private int _position = position;
        private int _line = line;
        private int _column = column;

        public BibTexRawEntry? ReadBlock(bool isStringDefinition)
        {
            if (!Take('@'))
            {
                return null;
            }

            var type = ReadName();
            if (type.Length == 0)
            {
                return null;
            }

            SkipWhitespace();
            var close = Peek() switch { '{' => '}', '(' => ')', _ => '\0' };
            if (close == '\0')
            {
                return null;
            }

            Advance();
            SkipWhitespace();
            var fields = new List<BibTexRawField>(8);
            var key = string.Empty;
            if (isStringDefinition)
            {
                if (ReadField() is not { } first)
                {
                    return null;
                }

                fields.Add(first);
            }
            else
            {
                key = ReadWhile(static c => !char.IsWhiteSpace(c) && c is not (',' or '{' or '}' or '(' or ')' or '=' or '"'));
            }

            while (true)
            {
                SkipWhitespace();
                if (Peek() != ',')
                {
                    break;
                }

                Advance();
                SkipWhitespace();
                if (!BibTexChunkReader.IsTypeChar(Peek()))
                {
                    break; // a trailing comma
                }

                if (ReadField() is not { } field)
                {
                    return null;
                }

                fields.Add(field);
            }

            SkipWhitespace();
            return Take(close) ? new BibTexRawEntry(type.ToLowerInvariant(), key, fields.ToArray()) : null;
        }

        private BibTexRawField? ReadField()
        {
            var name = ReadName();
            if (name.Length == 0)
            {
                return null;
            }

            SkipWhitespace();
            if (!Take('='))
            {
                return null;
            }

            SkipWhitespace();
            if (ReadPart() is not { } first)
            {
                return null;
            }

            // Nearly every value is one part: no list for those.
            List<BibTexValuePart>? parts = null;
            while (true)
            {
                var saved = this;
                SkipWhitespace();
                if (!Take('#'))
                {
                    this = saved;
                    break;
                }

                SkipWhitespace();
                if (ReadPart() is not { } part)
                {
                    return null;
                }

                (parts ??= [first]).Add(part);
            }

            return new BibTexRawField(name, parts is null ? [first] : parts.ToArray());
        }

        private BibTexValuePart? ReadPart()
        {
            var line = _line;
            var column = _column;
            var start = _position;
            var c = Peek();
            if (c is '{' or '"')
            {
                var close = FindClose(c, _position + 1);
                if (close < 0)
                {
                    return null;
                }

                MoveTo(close + 1);
                return new BibTexValuePart(BibTexValuePartKind.Literal, text, start + 1, close - start - 1, line, column);
            }

            if (char.IsAsciiDigit(c))
            {
                return new BibTexValuePart(BibTexValuePartKind.Literal, text, start, SkipWhile(char.IsAsciiDigit), line, column);
            }

            var nameLength = SkipWhile(BibTexChunkReader.IsTypeChar);
            return nameLength == 0 ? null : new BibTexValuePart(BibTexValuePartKind.Macro, text, start, nameLength, line, column);
        }

        /// <summary>The closing delimiter as the grammar's Braced and Quoted find it; -1 when there is none in the block.</summary>
        private readonly int FindClose(char open, int from)
        {
            var depth = 0;
            var stops = open == '{' ? BraceStops : QuotedStops;
            for (var i = from; i < end; i++)
            {
                // Jump to the next brace or quote: values are most of the bytes, and they are mostly text.
                var next = text.AsSpan(i, end - i).IndexOfAny(stops);
                if (next < 0)
                {
                    return -1;
                }

                i += next;
                switch (text[i])
                {
                    case '{':
                        depth++;
                        break;
                    case '}':
                        if (depth == 0)
                        {
                            return open == '{' ? i : -1;
                        }

                        depth--;
                        break;
                    case '"' when depth == 0 && open == '"':
                        return i;
                }
            }

            return -1;
        }

        private readonly char Peek() => _position < end ? text[_position] : '\0';

        private bool Take(char expected)
        {
            if (Peek() != expected || _position >= end)
            {
                return false;
            }

            Advance();
            return true;
        }

        private void Advance()
        {
            if (text[_position] == '\n')
            {
                _line++;
                _column = 1;
            }
            else
            {
                _column++;
            }

            _position++;
        }

        private void MoveTo(int position)
        {
            var span = text.AsSpan(_position, position - _position);
            var lastNewline = span.LastIndexOf('\n');
            if (lastNewline < 0)
            {
                _column += span.Length;
            }
            else
            {
                _line += span.Count('\n');
                _column = span.Length - lastNewline;
            }

            _position = position;
        }

        private void SkipWhitespace()
        {
            while (_position < end && char.IsWhiteSpace(text[_position]))
            {
                Advance();
            }
        }

        /// <summary>An entry type or field name (see <see cref="KnownNames"/>).</summary>
        private string ReadName()
        {
            var start = _position;
            var length = SkipWhile(BibTexChunkReader.IsTypeChar);
            return KnownNames.TryGetValue(text.AsSpan(start, length), out var known) ? known : text.Substring(start, length);
        }

        private string ReadWhile(Func<char, bool> accept)
        {
            var start = _position;
            SkipWhile(accept);
            return text[start.._position];
        }

        /// <summary>Moves past the characters <paramref name="accept"/> takes; how many they were.</summary>
        private int SkipWhile(Func<char, bool> accept)
        {
            var start = _position;
            while (_position < end && accept(text[_position]))
            {
                Advance();
            }

            return _position - start;
        }
    }
}
