using System.Buffers;
using System.Text;

namespace PaperLsp.Core.Collections;

/// <summary>
/// A quick pass over a .bib file for the keys its crossref fields name, before it is parsed: only those entries can be
/// crossref parents, so the loader keeps only their fields until the end and builds every other paper as soon as its
/// entry is read (a parent may come after its children, so without this every entry would wait for the end of the file).
/// The bytes are widened to characters one for one (Latin-1: the syntax is ASCII) and searched for <c>crossref</c>
/// ignoring case; a hit followed by <c>= {key}</c> or <c>= "key"</c> and then <c>,</c> <c>}</c> or <c>)</c> names
/// <c>key</c> (trimmed, as the loader trims it). A hit not followed by <c>=</c> is text (a title, a comment) and is
/// ignored; a crossref whose value this cannot read (a macro, <c>#</c>, braces or non-ASCII in the key) makes the answer
/// null: any entry may be a parent. The loader checks the answer anyway (<see cref="BibTexLoader"/> reads the file again
/// keeping every entry if a child names an entry that was not kept), so a miss costs time, never a wrong paper.
/// </summary>
internal static class BibTexCrossrefTargets
{
    private static readonly SearchValues<string> Crossref = SearchValues.Create(["crossref"], StringComparison.OrdinalIgnoreCase);

    /// <summary>How far past a hit its value may reach (a key longer than this makes the answer null).</summary>
    private const int Lookahead = 1024;

    private const int BlockSize = 1 << 20;

    /// <summary>The keys named (compared ignoring case, as the loader may resolve them), or null; reads
    /// <paramref name="stream"/> from its position to its end.</summary>
    public static HashSet<string>? Scan(Stream stream)
    {
        var targets = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var bytes = new byte[BlockSize + Lookahead];
        var chars = new char[bytes.Length];
        var end = 0;
        var eof = false;
        while (!eof)
        {
            while (end < bytes.Length)
            {
                var read = stream.Read(bytes, end, bytes.Length - end);
                if (read == 0)
                {
                    eof = true;
                    break;
                }

                end += read;
            }

            var text = chars.AsSpan(0, Encoding.Latin1.GetChars(bytes.AsSpan(0, end), chars));
            // A hit that starts before the limit is read whole here; the rest is kept for the next block.
            var limit = eof ? text.Length : text.Length - Lookahead;
            var at = 0;
            while (at < limit)
            {
                var hit = text[at..limit].IndexOfAny(Crossref);
                if (hit < 0)
                {
                    break;
                }

                at += hit + "crossref".Length;
                switch (ReadValue(text, at, out var key))
                {
                    case ValueOutcome.Key:
                        targets.Add(key!);
                        break;
                    case ValueOutcome.Unreadable:
                        return null;
                }
            }

            // A word cut by the limit is searched again whole in the next block.
            var kept = eof ? 0 : end - (limit - ("crossref".Length - 1));
            bytes.AsSpan(end - kept, kept).CopyTo(bytes);
            end = kept;
        }

        return targets;
    }

    private enum ValueOutcome
    {
        NotAField,
        Key,
        Unreadable,
    }

    private static ValueOutcome ReadValue(ReadOnlySpan<char> text, int at, out string? key)
    {
        key = null;
        at = SkipSpace(text, at);
        if (at >= text.Length || text[at] != '=')
        {
            return ValueOutcome.NotAField;
        }

        at = SkipSpace(text, at + 1);
        if (at >= text.Length || text[at] is not ('{' or '"'))
        {
            return ValueOutcome.Unreadable;
        }

        var close = text[at] == '{' ? '}' : '"';
        var start = at + 1;
        var length = text[start..].IndexOfAny(close, '{', '}');
        if (length < 0 || text[start + length] != close)
        {
            return ValueOutcome.Unreadable;
        }

        var value = text.Slice(start, length);
        // Non-ASCII bytes were widened, not decoded; a backslash may be an escape the parser reads otherwise.
        if (value.ContainsAnyInRange((char)0x7F, char.MaxValue) || value.Contains('\\'))
        {
            return ValueOutcome.Unreadable;
        }

        at = SkipSpace(text, start + length + 1);
        if (at >= text.Length || text[at] is not (',' or '}' or ')'))
        {
            return ValueOutcome.Unreadable;
        }

        key = value.Trim().ToString();
        return ValueOutcome.Key;
    }

    private static int SkipSpace(ReadOnlySpan<char> text, int at)
    {
        while (at < text.Length && text[at] is ' ' or '\t' or '\r' or '\n')
        {
            at++;
        }

        return at;
    }
}
