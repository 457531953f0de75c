using System.Collections.Immutable;

namespace PaperLsp.Core.Collections;

/// <summary>
/// Reads a plain listing of papers (.txt): lines alternating title and abstract, as in a saved paper-listing page.
/// Heuristics, in order:
/// <list type="number">
/// <item>Blank lines are skipped (they separate nothing; a paper is always a title line and the next text line).</item>
/// <item>Before the first paper, lines that are the page's own ("Get trending papers…") are skipped.</item>
/// <item>The page's button text "Subscribe" glued to the first title ("SubscribeMulti-task …") is removed when it is
///   followed directly by a capital letter or digit.</item>
/// <item>Every other line is a title and the line after it that title's abstract; a last title without a following
///   line is a paper without abstract.</item>
/// </list>
/// Listings have no keys or years: keys are generated from the titles (<see cref="KeyGenerator"/>).
/// </summary>
public static class PlainListingLoader
{
    private const string Subscribe = "Subscribe";

    public static CollectionLoadResult Load(string filePath, string text)
    {
        var lines = new List<(int Line, string Text)>();
        var lineNumber = 0;
        foreach (var rawLine in (text ?? string.Empty).Split('\n'))
        {
            lineNumber++;
            var line = rawLine.Trim().Trim('\uFEFF');
            if (line.Length == 0)
            {
                continue;
            }

            if (lines.Count == 0 && IsPageLine(line))
            {
                continue;
            }

            if (lines.Count == 0 && line.Length > Subscribe.Length && line.StartsWith(Subscribe, StringComparison.Ordinal)
                && (char.IsUpper(line[Subscribe.Length]) || char.IsDigit(line[Subscribe.Length])))
            {
                line = line[Subscribe.Length..];
            }

            lines.Add((lineNumber, line));
        }

        var keys = new KeyGenerator();
        var papers = ImmutableArray.CreateBuilder<Paper>((lines.Count + 1) / 2);
        for (var i = 0; i < lines.Count; i += 2)
        {
            var (line, title) = lines[i];
            papers.Add(new Paper
            {
                Key = keys.Generate(title),
                KeyIsGenerated = true,
                Title = title,
                Abstract = PaperAbstract.FromText(i + 1 < lines.Count ? lines[i + 1].Text : null),
                Source = new SourceLocation(filePath, line),
            });
        }

        return new CollectionLoadResult(filePath, papers.ToImmutable(), ImmutableArray<CollectionProblem>.Empty);
    }

    private static bool IsPageLine(string line) =>
        line.StartsWith("Get trending papers", StringComparison.OrdinalIgnoreCase);
}
