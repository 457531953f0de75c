using PaperLsp.Core.Collections;

namespace PaperLsp.Core.Tests.Cache;

/// <summary>Every field of a result as text, so results compare by value (ImmutableArray compares by reference).</summary>
internal static class PaperText
{
    public static List<string> Of(CollectionLoadResult result) =>
        [
            result.FilePath,
            .. result.Papers.Select(Of),
            .. result.Problems.Select(p => $"{p.FilePath}:{p.Line}:{p.Column} {p.Code} {p.Severity} {p.Message}"),
        ];

    public static string Of(Paper p) => string.Join("|",
        p.Key, p.Title, string.Join(";", p.Authors), p.Year, p.Venue, p.Abstract?.Read(), p.Doi, p.Url, p.ArxivId, p.EntryType,
        p.KeyIsGenerated, p.Source, string.Join(";", p.OtherSources), string.Join(";", p.OtherKeys));
}
