using System.Text.RegularExpressions;

namespace PaperLsp.Core.Collections;

/// <summary>Recognises arXiv identifiers (new style 2101.00001v2, old style math/0307200) in eprint fields, URLs, DOIs and notes.</summary>
internal static partial class ArxivIdReader
{
    /// <summary>An eprint value such as "arXiv:2101.00001" or "math/0307200v3".</summary>
    public static string? FromEprint(string? eprint)
    {
        if (string.IsNullOrWhiteSpace(eprint))
        {
            return null;
        }

        var match = BareId().Match(eprint.Trim());
        return match.Success ? match.Groups["id"].Value : null;
    }

    /// <summary>An arXiv id mentioned in a URL (arxiv.org/abs|pdf/…), an arXiv DOI (10.48550/arXiv.…) or "arXiv:…" text.</summary>
    public static string? FromText(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var match = Mentioned().Match(text);
        return match.Success ? match.Groups["id"].Value : null;
    }

    [GeneratedRegex(@"^(?:arxiv:)?(?<id>\d{4}\.\d{4,5}(?:v\d+)?|[a-z\-]+(?:\.[A-Z]{2})?/\d{7}(?:v\d+)?)$", RegexOptions.IgnoreCase)]
    private static partial Regex BareId();

    [GeneratedRegex(@"(?:arxiv\.org/(?:abs|pdf)/|10\.48550/arxiv\.|arxiv:\s*)(?<id>\d{4}\.\d{4,5}(?:v\d+)?|[a-z\-]+(?:\.[A-Z]{2})?/\d{7}(?:v\d+)?)", RegexOptions.IgnoreCase)]
    private static partial Regex Mentioned();
}
