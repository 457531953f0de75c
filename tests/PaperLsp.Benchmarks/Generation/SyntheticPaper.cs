namespace PaperLsp.Benchmarks.Generation;

/// <summary>One generated paper; <see cref="Venue"/> is the expanded name and <see cref="VenueMacro"/> the @string that stands for it.</summary>
public sealed record SyntheticPaper(
    string Key,
    string EntryType,
    LatexText Title,
    IReadOnlyList<SyntheticAuthor> Authors,
    int Year,
    string VenueMacro,
    string Venue,
    string Abstract,
    string? Doi);
