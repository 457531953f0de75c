using System.Text;

namespace PaperLsp.Benchmarks.Generation;

/// <summary>
/// A notes file (FORMAT.md) about papers of a synthetic collection: headings, @paper entries with fields, and prose with
/// title and key references, a few of them unknown (so diagnostics have work to do). Deterministic for a seed.
/// </summary>
public static class SyntheticNotes
{
    private static readonly string[] Statuses = ["to-read", "reading", "read", "skimmed", "abandoned"];

    public static string Generate(SyntheticCollection collection, int collectionSize, int lines, int seed)
    {
        var random = new Random(seed);
        var builder = new StringBuilder(lines * 60);
        var written = 0;
        void Line(string text)
        {
            builder.Append(text).Append('\n');
            written++;
        }

        SyntheticPaper Any() => collection.PaperAt(random.Next(collectionSize), collectionSize);

        var section = 0;
        while (written < lines)
        {
            if (written % 200 == 0)
            {
                Line($"# Reading group, week {++section}");
                Line(string.Empty);
            }

            var paper = Any();
            Line(random.Next(3) == 0 ? $"@paper @{paper.Key}" : $"@paper [[{paper.Title.Unicode}]]");
            Line($"status: {Statuses[random.Next(Statuses.Length)]}");
            Line($"tags: #{paper.VenueMacro}, y{paper.Year}");
            Line($"rating: {random.Next(1, 6)}/5");
            Line($"added: 20{random.Next(10, 26)}-{random.Next(1, 13):00}-{random.Next(1, 29):00}");
            Line(string.Empty);
            var other = Any();
            Line($"Compares with [[{other.Title.Unicode}]] and @{Any().Key}; the proof follows @{other.Key}.");
            Line(random.Next(10) == 0
                ? $"See also [[A paper that is not in the collection {written}]] and @missing{written}."
                : $"Builds on [[{Any().Title.Unicode.ToLowerInvariant()}|the earlier work]] by {paper.Authors[0].Display}.");
            Line(string.Empty);
        }

        return builder.ToString();
    }
}
