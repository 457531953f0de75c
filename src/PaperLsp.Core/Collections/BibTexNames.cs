using System.Collections.Immutable;

namespace PaperLsp.Core.Collections;

/// <summary>
/// BibTeX name lists for display: split on " and " outside braces; "von Last, First" and "von Last, Jr, First" become
/// "First von Last" (", Jr" kept); "First Last" stays as written; a wholly braced <c>{Corporate Name}</c> is one name;
/// "others" becomes "et al.". Each name is LaTeX-decoded.
/// </summary>
internal static class BibTexNames
{
    public static ImmutableArray<string> Display(string? names)
    {
        if (string.IsNullOrWhiteSpace(names))
        {
            return ImmutableArray<string>.Empty;
        }

        // Sized by counting the separators first: one exact array, no list to grow and copy.
        var result = new string[CountNames(names)];
        var count = 0;
        foreach (var name in Split(names))
        {
            var display = DisplayOne(name);
            if (display.Length > 0)
            {
                result[count++] = display;
            }
        }

        if (count < result.Length)
        {
            Array.Resize(ref result, count);
        }

        return System.Runtime.InteropServices.ImmutableCollectionsMarshal.AsImmutableArray(result);
    }

    private static int CountNames(string names)
    {
        var count = 1;
        var depth = 0;
        for (var at = NextSeparator(names, 0, ref depth); at >= 0; at = NextSeparator(names, at + 4, ref depth))
        {
            count++;
        }

        return count;
    }

    /// <summary>The names of a list, split at the word "and" (any case) surrounded by whitespace at brace depth 0.</summary>
    public static IEnumerable<string> Split(string names)
    {
        var depth = 0;
        var start = 0;
        for (var at = NextSeparator(names, 0, ref depth); at >= 0; at = NextSeparator(names, at + 4, ref depth))
        {
            yield return names[start..at];
            start = at + 4;
        }

        yield return names[start..];
    }

    /// <summary>Where the next " and " at brace depth 0 starts (its first blank), scanning from <paramref name="from"/>
    /// with the brace depth reached so far; -1 when there is none.</summary>
    private static int NextSeparator(string names, int from, ref int depth)
    {
        for (var i = from; i < names.Length; i++)
        {
            var c = names[i];
            if (c == '{')
            {
                depth++;
            }
            else if (c == '}')
            {
                depth = Math.Max(0, depth - 1);
            }
            else if (depth == 0 && char.IsWhiteSpace(c) && i + 4 < names.Length
                     && (names[i + 1] is 'a' or 'A') && (names[i + 2] is 'n' or 'N') && (names[i + 3] is 'd' or 'D')
                     && char.IsWhiteSpace(names[i + 4]))
            {
                return i;
            }
        }

        return -1;
    }

    private static string DisplayOne(string name)
    {
        var trimmed = name.Trim();
        if (trimmed.Equals("others", StringComparison.OrdinalIgnoreCase))
        {
            return "et al.";
        }

        // Leading blanks decode to nothing; without them a plain part skips the decoder (" Yunyang" is not plain).
        var parts = SplitCommas(trimmed);
        return parts.Count switch
        {
            1 => LatexDecoder.Decode(trimmed),
            2 => Join(LatexDecoder.Decode(parts[1].TrimStart()), LatexDecoder.Decode(parts[0].TrimStart()), string.Empty),
            _ => Join(LatexDecoder.Decode(parts[2].TrimStart()), LatexDecoder.Decode(parts[0].TrimStart()), LatexDecoder.Decode(parts[1].TrimStart())),
        };
    }

    private static string Join(string first, string last, string junior)
    {
        var name = first.Length == 0 ? last : last.Length == 0 ? first : $"{first} {last}";
        return junior.Length == 0 ? name : $"{name}, {junior}";
    }

    private static List<string> SplitCommas(string name)
    {
        var parts = new List<string>(3);
        var depth = 0;
        var start = 0;
        for (var i = 0; i < name.Length; i++)
        {
            if (name[i] == '{')
            {
                depth++;
            }
            else if (name[i] == '}')
            {
                depth = Math.Max(0, depth - 1);
            }
            else if (name[i] == ',' && depth == 0)
            {
                parts.Add(name[start..i]);
                start = i + 1;
            }
        }

        parts.Add(name[start..]);
        return parts;
    }
}
