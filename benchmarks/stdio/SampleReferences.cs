using System.Text.RegularExpressions;

namespace PaperLsp.StdioBenchmark;

/// <summary>
/// Keys, plain titles and title prefixes sampled (deterministically) from the first entries of a generated .bib: titles
/// without LaTeX resolve exactly as written, so hovering them always finds a paper.
/// </summary>
internal sealed partial class SampleReferences
{
    private SampleReferences(IReadOnlyList<string> keys, IReadOnlyList<string> titles)
    {
        Keys = keys;
        Titles = titles;
    }

    public IReadOnlyList<string> Keys { get; }

    public IReadOnlyList<string> Titles { get; }

    public static SampleReferences Read(string bibPath, int wanted, int scanEntries = 50_000)
    {
        var keys = new List<string>();
        var titles = new List<string>();
        var entries = 0;
        foreach (var line in File.ReadLines(bibPath))
        {
            if (EntryStart().Match(line) is { Success: true } entry)
            {
                if (++entries > scanEntries)
                {
                    break;
                }

                keys.Add(entry.Groups[1].Value);
            }
            else if (TitleField().Match(line) is { Success: true } title && !title.Groups[1].Value.Contains('\\') && !title.Groups[1].Value.Contains('{'))
            {
                titles.Add(title.Groups[1].Value);
            }
        }

        var random = new Random(7);
        return new SampleReferences(Pick(keys, wanted, random), Pick(titles, wanted, random));
    }

    /// <summary>Completion queries: the first one to four words of a title, lower case, cut at a random length.</summary>
    public IReadOnlyList<string> CompletionQueries(int count)
    {
        var random = new Random(11);
        return Enumerable.Range(0, count).Select(i =>
        {
            var words = Titles[i % Titles.Count].ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var query = string.Join(' ', words.Take(1 + random.Next(Math.Min(4, words.Length))));
            return query[..Math.Max(1, Math.Min(query.Length, 3 + random.Next(18)))].TrimEnd();
        }).ToList();
    }

    private static List<string> Pick(List<string> items, int count, Random random) =>
        items.Count == 0 ? [] : Enumerable.Range(0, count).Select(_ => items[random.Next(items.Count)]).ToList();

    [GeneratedRegex(@"^@(?!string|preamble|comment)\w+\{([^,\s]+),", RegexOptions.IgnoreCase)]
    private static partial Regex EntryStart();

    [GeneratedRegex(@"^\s*title\s*=\s*\{(.*)\},?\s*$")]
    private static partial Regex TitleField();
}
