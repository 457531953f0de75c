using System.Text;
using PaperLsp.Core.Collections;

namespace PaperLsp.Core.Features.Presentation;

/// <summary>How a paper is shown to a person: a one-line detail and a markdown card (title, authors, venue, abstract, links).</summary>
public static class PaperMarkdown
{
    /// <summary>"Vaswani et al. · 2017 · vaswani2017attention".</summary>
    public static string Detail(Paper paper)
    {
        var parts = new List<string>(3);
        if (!paper.Authors.IsDefaultOrEmpty)
        {
            parts.Add(FamilyName(paper.Authors[0]) + (paper.Authors.Length > 1 ? " et al." : string.Empty));
        }

        if (!string.IsNullOrEmpty(paper.Year))
        {
            parts.Add(paper.Year);
        }

        parts.Add(paper.Key);
        return string.Join(" · ", parts);
    }

    /// <summary>The markdown card: heading, authors, venue and year, abstract, links; no source location.</summary>
    public static string Describe(Paper paper)
    {
        var md = new StringBuilder();
        md.Append("**").Append(Escape(paper.Title)).Append("**\n\n");
        if (!paper.Authors.IsDefaultOrEmpty)
        {
            md.Append(Escape(AuthorList(paper))).Append("\n\n");
        }

        var venue = string.Join(", ", new[] { paper.Venue, paper.Year }.Where(v => !string.IsNullOrWhiteSpace(v)));
        if (venue.Length > 0)
        {
            md.Append('*').Append(Escape(venue)).Append("*\n\n");
        }

        if (paper.Abstract?.Read() is { } abstractText && !string.IsNullOrWhiteSpace(abstractText))
        {
            md.Append(Escape(abstractText.Trim())).Append("\n\n");
        }

        var links = Links(paper).ToList();
        if (links.Count > 0)
        {
            md.Append(string.Join(" · ", links)).Append("\n\n");
        }

        md.Append('`').Append('@').Append(paper.Key).Append('`');
        return md.ToString().TrimEnd();
    }

    public static IEnumerable<string> Links(Paper paper)
    {
        if (!string.IsNullOrWhiteSpace(paper.Doi))
        {
            yield return $"[DOI {Escape(paper.Doi)}](https://doi.org/{Uri.EscapeDataString(paper.Doi).Replace("%2F", "/", StringComparison.Ordinal)})";
        }

        if (!string.IsNullOrWhiteSpace(paper.ArxivId))
        {
            yield return $"[arXiv:{Escape(paper.ArxivId)}](https://arxiv.org/abs/{paper.ArxivId})";
        }

        if (!string.IsNullOrWhiteSpace(paper.Url) && Uri.TryCreate(paper.Url, UriKind.Absolute, out _))
        {
            yield return $"[Link]({paper.Url})";
        }
    }

    private static string AuthorList(Paper paper) =>
        paper.Authors.Length <= 8
            ? string.Join(", ", paper.Authors)
            : string.Join(", ", paper.Authors.Take(7)) + $", … and {paper.Authors.Length - 7} more";

    private static string FamilyName(string author)
    {
        var trimmed = author.Trim();
        var space = trimmed.LastIndexOf(' ');
        return space < 0 ? trimmed : trimmed[(space + 1)..];
    }

    /// <summary>Escapes the characters markdown would take as formatting, so titles and abstracts show as written.</summary>
    public static string Escape(string text)
    {
        var builder = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (c is '\\' or '*' or '_' or '`' or '[' or ']' or '<' or '>' or '#' or '|')
            {
                builder.Append('\\');
            }

            builder.Append(c);
        }

        return builder.ToString();
    }
}
