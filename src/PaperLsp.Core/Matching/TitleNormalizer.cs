using System.Globalization;
using System.Text;
using PaperLsp.Core.Collections;

namespace PaperLsp.Core.Matching;

/// <summary>
/// The normal form titles are compared in (FORMAT.md, Resolution): LaTeX decoded, braces dropped, diacritics removed,
/// case-folded, every run of characters that are not letters or digits turned into one space, trimmed.
/// Letters that Unicode does not decompose (ø, ł, ß, æ …) are folded to their ASCII spelling so that a person typing on an
/// ASCII keyboard reaches them too.
/// </summary>
public static class TitleNormalizer
{
    public static string Normalize(string? title)
    {
        if (string.IsNullOrEmpty(title))
        {
            return string.Empty;
        }

        var decoded = title.Contains('\\') || title.Contains('{') || title.Contains('~') || title.Contains("--", StringComparison.Ordinal)
            ? LatexDecoder.Decode(title)
            : title;
        return Fold(decoded);
    }

    /// <summary>Normalizes text that is already plain Unicode (no LaTeX decoding): for queries and for decoded fields.</summary>
    public static string Fold(string text)
    {
        // Case-folding and compatibility decomposition can each expose work for the other (a lower-case letter that
        // decomposes, a decomposition that yields upper case); two rounds reach the fixed point for real text, and
        // the loop keeps the result idempotent for anything else.
        if (System.Text.Ascii.IsValid(text))
        {
            return FoldAscii(text);
        }

        var folded = FoldOnce(text);
        for (var round = 0; round < 3; round++)
        {
            var again = FoldOnce(folded);
            if (again == folded)
            {
                break;
            }

            folded = again;
        }

        return folded;
    }

    /// <summary>
    /// <see cref="Fold"/> of the parts joined by spaces, folding each distinct part once: author names repeat across a
    /// collection, and most have a diacritic, which takes the slow path. Folding works character by character and a space
    /// separates, so folding the parts apart and joining the non-empty results is the same.
    /// </summary>
    internal static string FoldJoined(ReadOnlySpan<string> parts, Dictionary<string, string> folded)
    {
        if (parts.Length == 1)
        {
            return FoldMemoized(parts[0], folded);
        }

        var builder = new StringBuilder();
        foreach (var part in parts)
        {
            var one = FoldMemoized(part, folded);
            if (one.Length > 0)
            {
                builder.Append(builder.Length > 0 ? " " : string.Empty).Append(one);
            }
        }

        return builder.ToString();
    }

    private static string FoldMemoized(string text, Dictionary<string, string> folded)
    {
        if (!folded.TryGetValue(text, out var result))
        {
            result = Fold(text);
            folded[text] = result;
        }

        return result;
    }

    /// <summary>
    /// The same result as the general path for ASCII text (no decomposition or marks to remove: letters lower-cased,
    /// digits kept, every other run one space), in one pass: titles and author lists are nearly all ASCII, and folding
    /// them is most of the work of building the index.
    /// </summary>
    private static string FoldAscii(string text)
    {
        if (IsFoldedAscii(text))
        {
            return text;
        }

        var buffer = text.Length <= 512 ? stackalloc char[text.Length] : new char[text.Length];
        var length = 0;
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                if (pendingSpace && length > 0)
                {
                    buffer[length++] = ' ';
                }

                pendingSpace = false;
                buffer[length++] = char.IsAsciiLetterUpper(c) ? (char)(c | 0x20) : c;
            }
            else
            {
                pendingSpace = true;
            }
        }

        return new string(buffer[..length]);
    }

    private static string FoldOnce(string text)
    {
        if (IsFoldedAscii(text))
        {
            return text;
        }

        var lowered = WithoutLoneSurrogates(text).ToLowerInvariant();
        var builder = new StringBuilder(lowered.Length);
        var pendingSpace = false;
        foreach (var rune in lowered.EnumerateRunes())
        {
            // string.Normalize is a no-op under InvariantGlobalization, so decomposition comes from our own table.
            var replacement = UnicodeFoldingTable.Replacement(rune);
            if (replacement is null)
            {
                Append(builder, rune, ref pendingSpace);
                continue;
            }

            foreach (var part in replacement.EnumerateRunes())
            {
                Append(builder, part, ref pendingSpace);
            }
        }

        return builder.ToString();
    }

    private static void Append(StringBuilder builder, Rune rune, ref bool pendingSpace)
    {
        var category = Rune.GetUnicodeCategory(rune);
        if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark)
        {
            return;
        }

        if (Rune.IsLetterOrDigit(rune))
        {
            if (pendingSpace && builder.Length > 0)
            {
                builder.Append(' ');
            }

            pendingSpace = false;
            AppendFolded(builder, rune);
        }
        else
        {
            pendingSpace = true;
        }
    }

    /// <summary>Lone surrogates carry no letters, so they become spaces rather than U+FFFD runes.</summary>
    private static string WithoutLoneSurrogates(string text)
    {
        char[]? copy = null;
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                copy ??= text.ToCharArray();
                copy[i] = ' ';
            }
        }

        return copy is null ? text : new string(copy);
    }

    private static bool IsFoldedAscii(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var ok = c is (>= 'a' and <= 'z') or (>= '0' and <= '9') || (c == ' ' && i > 0 && i < text.Length - 1 && text[i - 1] != ' ');
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }

    private static void AppendFolded(StringBuilder builder, Rune rune)
    {
        switch (rune.Value)
        {
            case 'ß' or 'ẞ': builder.Append("ss"); return;
            case 'ø' or 'Ø': builder.Append('o'); return;
            case 'ł' or 'Ł': builder.Append('l'); return;
            case 'đ' or 'Đ' or 'ð' or 'Ð': builder.Append('d'); return;
            case 'æ' or 'Æ': builder.Append("ae"); return;
            case 'œ' or 'Œ': builder.Append("oe"); return;
            case 'ı': builder.Append('i'); return;
            case 'þ' or 'Þ': builder.Append("th"); return;
        }

        var lower = Rune.ToLowerInvariant(rune);
        builder.Append(lower.ToString());
    }
}
