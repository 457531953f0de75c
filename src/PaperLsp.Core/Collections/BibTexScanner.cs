namespace PaperLsp.Core.Collections;

/// <summary>
/// Finds where each <c>@…</c> block of a .bib text starts and ends, in one linear pass that only counts braces, so the
/// Sprache grammar runs on one entry at a time (a whole-file Sprache grammar is slow and cannot resynchronise).
/// Outside entries, text is ignored as BibTeX does, and a <c>%</c> line is a comment (so commented-out entries stay
/// out). <c>@comment{…}</c> and <c>@preamble{…}</c> are skipped whole. An entry whose braces do not close before a
/// line that starts a new entry (<c>@word{</c> at line start) is reported broken, and scanning resumes at that line.
/// </summary>
internal static class BibTexScanner
{
    public static IEnumerable<BibTexChunk> Scan(string text)
    {
        var i = 0;
        var line = 1;
        var lineStart = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '\n')
            {
                i++;
                line++;
                lineStart = i;
                continue;
            }

            if (c == '%')
            {
                while (i < text.Length && text[i] != '\n')
                {
                    i++;
                }

                continue;
            }

            if (c != '@')
            {
                i++;
                continue;
            }

            var start = i;
            var startLine = line;
            var startColumn = i - lineStart + 1;
            var nameEnd = i + 1;
            while (nameEnd < text.Length && IsTypeChar(text[nameEnd]))
            {
                nameEnd++;
            }

            var type = text[(i + 1)..nameEnd].ToLowerInvariant();
            var open = nameEnd;
            while (open < text.Length && char.IsWhiteSpace(text[open]))
            {
                open++;
            }

            if (type.Length == 0 || open >= text.Length || (text[open] != '{' && text[open] != '('))
            {
                // A stray '@' in free text, or "@comment" used as a line comment, is nothing; "@article title" is broken.
                if (type.Length > 0 && type != "comment" && IsBlank(text, lineStart, i))
                {
                    yield return new BibTexChunk(BibTexChunkKind.Broken, type, start, nameEnd, startLine, startColumn,
                        $"'@{text[(i + 1)..nameEnd]}' is not followed by '{{' or '('");
                }

                i = nameEnd;
                continue;
            }

            var kind = type switch
            {
                "comment" => BibTexChunkKind.Comment,
                "preamble" => BibTexChunkKind.Preamble,
                "string" => BibTexChunkKind.String,
                _ => BibTexChunkKind.Entry,
            };

            // Count the newlines between the type and the opening delimiter.
            for (var k = nameEnd; k < open; k++)
            {
                if (text[k] == '\n')
                {
                    line++;
                    lineStart = k + 1;
                }
            }

            var closing = text[open] == '{' ? '}' : ')';
            var depth = 0;
            var inQuote = false;
            var j = open + 1;
            var end = -1;
            var resumeAt = -1;
            while (j < text.Length)
            {
                var d = text[j];
                if (d == '{')
                {
                    depth++;
                }
                else if (d == '}')
                {
                    if (depth == 0 && closing == '}')
                    {
                        end = j + 1;
                        break;
                    }

                    depth = Math.Max(0, depth - 1);
                }
                else if (closing == ')' && depth == 0 && d == '"')
                {
                    inQuote = !inQuote;
                }
                else if (closing == ')' && depth == 0 && !inQuote && d == ')')
                {
                    end = j + 1;
                    break;
                }
                else if (d == '\n')
                {
                    line++;
                    lineStart = j + 1;
                    if (kind != BibTexChunkKind.Comment && StartsEntryHeader(text, j + 1))
                    {
                        resumeAt = j + 1;
                        break;
                    }
                }

                j++;
            }

            if (end > 0)
            {
                yield return new BibTexChunk(kind, type, start, end, startLine, startColumn);
                i = end;
                continue;
            }

            var what = kind == BibTexChunkKind.Comment ? "@comment" : "entry";
            yield return new BibTexChunk(BibTexChunkKind.Broken, type, start, resumeAt < 0 ? text.Length : resumeAt,
                startLine, startColumn,
                resumeAt < 0
                    ? $"unterminated {what}: no closing '{closing}' before the end of the file"
                    : $"unterminated {what}: no closing '{closing}' before the next entry at line {line}");
            i = resumeAt < 0 ? text.Length : resumeAt;
        }
    }

    /// <summary>BibTeX's identifier characters: anything printable except <c>"#%'(),={}</c> and whitespace.</summary>
    public static bool IsTypeChar(char c) =>
        !char.IsWhiteSpace(c) && c is not ('"' or '#' or '%' or '\'' or '(' or ')' or ',' or '=' or '{' or '}' or '@' or '\\');

    private static bool IsBlank(string text, int from, int to)
    {
        for (var k = from; k < to; k++)
        {
            if (!char.IsWhiteSpace(text[k]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether the line at <paramref name="position"/> starts like an entry: blanks, '@', a word, blanks, '{' or '('.</summary>
    private static bool StartsEntryHeader(string text, int position)
    {
        var k = position;
        while (k < text.Length && (text[k] == ' ' || text[k] == '\t'))
        {
            k++;
        }

        if (k >= text.Length || text[k] != '@')
        {
            return false;
        }

        var nameStart = ++k;
        while (k < text.Length && char.IsAsciiLetter(text[k]))
        {
            k++;
        }

        if (k == nameStart)
        {
            return false;
        }

        while (k < text.Length && (text[k] == ' ' || text[k] == '\t'))
        {
            k++;
        }

        return k < text.Length && (text[k] == '{' || text[k] == '(');
    }
}
