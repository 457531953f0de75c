using System.Text;
using PaperLsp.Core.Features.Fields;
using PaperLsp.Core.Features.Presentation;
using PaperLsp.Core.Features.Resolution;
using PaperLsp.Core.Syntax;
using PaperLsp.Core.Workspace;

namespace PaperLsp.Core.Features.Hover;

/// <summary>
/// Hover on a reference: the paper's card (title, authors, venue, abstract, links), the collection file and line it came
/// from, and where else the workspace notes it; on a reference that does not resolve, why and the closest titles.
/// Hover on a field name says what the field holds.
/// </summary>
public static class HoverProvider
{
    private const int ClosestCount = 3;

    public static HoverResult? Hover(WorkspaceSnapshot snapshot, string path, int offset)
    {
        var document = snapshot.GetDocument(path);
        if (document is null)
        {
            return null;
        }

        var reference = document.Syntax.ReferenceAt(offset);
        if (reference is not null)
        {
            return new HoverResult(reference.Span, Describe(snapshot, document, reference));
        }

        var field = document.Syntax.Entries.SelectMany(e => e.Fields).FirstOrDefault(f => f.NameSpan.ContainsOrTouches(offset));
        return field is null ? null : new HoverResult(field.NameSpan, $"**{field.Name}:** {PaperMarkdown.Escape(KnownFields.Describe(field.Name))}");
    }

    private static string Describe(WorkspaceSnapshot snapshot, NotesDocument document, ReferenceSyntax reference)
    {
        var resolved = ReferenceResolver.Resolve(snapshot.Papers, reference);
        var md = new StringBuilder();
        if (resolved.Paper is { } paper)
        {
            md.Append(PaperMarkdown.Describe(paper)).Append("\n\n---\n\n");
            md.Append("From ").Append(string.Join(", ", new[] { paper.Source }.Concat(paper.OtherSources)
                .Select(s => $"`{Path.GetFileName(s.FilePath)}:{s.Line}`")));
            var noted = snapshot.EntriesNoting(ReferenceResolver.Identity(reference, paper)).ToList();
            if (noted.Count > 0)
            {
                md.Append(" · Noted in ").Append(string.Join(", ", noted.Select(n => $"`{n.Describe(snapshot, document.Path)}`")));
            }

            return md.ToString();
        }

        if (!snapshot.PapersLoaded)
        {
            return "*The collections are still loading…*";
        }

        switch (reference)
        {
            case TitleReferenceSyntax title:
                md.Append("**Unknown paper** \"").Append(PaperMarkdown.Escape(title.Title.Trim())).Append("\"\n\n");
                md.Append($"No title among the {snapshot.Papers.Count:N0} papers of the collections matches it (titles are compared ignoring case, accents and punctuation).");
                var closest = snapshot.Papers.ClosestTitles(title.Title, ClosestCount);
                if (closest.Count > 0)
                {
                    md.Append("\n\nClosest titles:\n");
                    foreach (var candidate in closest)
                    {
                        md.Append("- ").Append(PaperMarkdown.Escape(candidate.Title)).Append(" (").Append(PaperMarkdown.Detail(candidate)).Append(")\n");
                    }
                }

                break;
            case KeyReferenceSyntax key:
                md.Append("**Unknown citation key** `@").Append(key.Key).Append("`\n\n");
                var sameButCase = snapshot.Papers.KeysIgnoringCase(key.Key);
                md.Append(sameButCase.Count > 0
                    ? $"Keys are case-sensitive: the collection has `@{sameButCase[0]}`."
                    : $"No paper among the {snapshot.Papers.Count:N0} of the collections has this key.");
                break;
        }

        return md.ToString().TrimEnd();
    }
}
