using System.Collections.Immutable;
using System.Text.RegularExpressions;
using PaperLsp.Core.Collections;
using PaperLsp.Core.Features.Fields;
using PaperLsp.Core.Features.Presentation;
using PaperLsp.Core.Matching;
using PaperLsp.Core.Syntax;
using PaperLsp.Core.Text;
using PaperLsp.Core.Workspace;

namespace PaperLsp.Core.Features.Completion;

/// <summary>
/// Completion at a cursor. The context is read from the text of the cursor's line, since what is being typed is usually
/// not yet a well-formed reference: inside <c>[[…</c> ranked titles; after <c>@</c> keys; after <c>@paper </c> titles and
/// keys; in an entry's fields the field names, <c>status:</c> values, the workspace's tags and <c>related:</c> references.
/// </summary>
public static partial class CompletionProvider
{
    public const int DefaultLimit = 100;

    /// <summary>
    /// Lists of papers are always incomplete, cut at the limit or not: the ranking is the server's fuzzy search, and an
    /// editor that filters a list it holds applies its own matcher (VS Code's allows gaps anywhere, so `nystromf` would
    /// keep titles whose letters are merely scattered). Incomplete lists make the editor ask again at every keystroke.
    /// Field values (status, tags, names) are short complete lists, which the editor may filter itself.
    /// </summary>
    private const bool RankedByTheServer = true;

    public static CompletionResult? Complete(WorkspaceSnapshot snapshot, string path, int offset, int limit = DefaultLimit, CancellationToken cancellationToken = default)
    {
        var document = snapshot.GetDocument(path);
        if (document is null)
        {
            return null;
        }

        var text = document.Text;
        offset = Math.Clamp(offset, 0, text.Length);
        var lineNumber = text.Lines.LineOf(offset);
        var line = text.Lines.LineSpan(lineNumber);
        if (offset > line.End)
        {
            return null;
        }

        var before = text.Text.AsSpan(line.Start, offset - line.Start).ToString();
        var after = text.Text.AsSpan(offset, line.End - offset).ToString();
        if (before.TrimStart().StartsWith('%'))
        {
            return null;
        }

        return TitleContext(snapshot, before, after, offset, limit, cancellationToken)
            ?? KeyContext(snapshot, before, after, offset, limit, cancellationToken)
            ?? HeaderContext(snapshot, before, line, offset, limit, cancellationToken)
            ?? FieldContext(snapshot, document, before, line, offset, limit, cancellationToken);
    }

    private static CompletionResult? TitleContext(WorkspaceSnapshot snapshot, string before, string after, int offset, int limit, CancellationToken cancellationToken)
    {
        var open = LastUnescapedOpen(before);
        if (open < 0)
        {
            return null;
        }

        var typed = before[(open + 2)..];
        if (typed.Contains("]]", StringComparison.Ordinal) || typed.Contains('|'))
        {
            return null;
        }

        // Replace the rest of the title and an existing closing ]] too, so accepting never doubles the brackets;
        // keep a "|shown text" part and its brackets as written.
        var start = offset - typed.Length;
        var end = offset;
        var closing = "]]";
        var close = after.IndexOf("]]", StringComparison.Ordinal);
        var nextOpen = after.IndexOf("[[", StringComparison.Ordinal);
        if (close >= 0 && (nextOpen < 0 || close < nextOpen))
        {
            var bar = after.IndexOf('|');
            if (bar >= 0 && bar < close)
            {
                end = offset + bar;
                closing = string.Empty;
            }
            else
            {
                end = offset + close + 2;
            }
        }

        var hits = snapshot.Papers.Search(typed, limit, cancellationToken);
        var items = hits.Take(limit)
            .Select((hit, rank) => TitleCandidate(hit.Paper, typed, hit.Paper.Title + closing, rank))
            .ToImmutableArray();
        return new CompletionResult(TextSpan.FromBounds(start, end), items, RankedByTheServer);
    }

    private static CompletionResult? KeyContext(WorkspaceSnapshot snapshot, string before, string after, int offset, int limit, CancellationToken cancellationToken)
    {
        var match = KeyBeforeCursor().Match(before);
        if (!match.Success)
        {
            return null;
        }

        var typed = match.Groups["key"].Value;
        var braced = typed.StartsWith('{');
        if (!braced && match.Index == 0 && typed == "paper" && after.StartsWith(' '))
        {
            return null;
        }

        var query = braced ? typed[1..] : typed;
        var start = offset - query.Length;
        int end;
        if (braced)
        {
            var closeBrace = after.IndexOf('}');
            end = closeBrace >= 0 ? offset + closeBrace + 1 : offset + KeyCharacters().Match(after).Length;
        }
        else
        {
            end = offset + KeyCharacters().Match(after).Length;
        }

        var hits = snapshot.Papers.Search(query, limit, cancellationToken);
        var items = hits.Take(limit)
            .Select((hit, rank) => KeyCandidate(hit.Paper, query, braced ? hit.Paper.Key + "}" : KeyText(hit.Paper.Key), rank))
            .ToImmutableArray();
        return new CompletionResult(TextSpan.FromBounds(start, end), items, RankedByTheServer);
    }

    private static CompletionResult? HeaderContext(WorkspaceSnapshot snapshot, string before, TextSpan line, int offset, int limit, CancellationToken cancellationToken)
    {
        var match = HeaderBeforeCursor().Match(before);
        if (!match.Success)
        {
            return null;
        }

        var typed = match.Groups["rest"].Value;
        var start = offset - typed.Length;
        var hits = snapshot.Papers.Search(typed, limit, cancellationToken);
        var items = ImmutableArray.CreateBuilder<CompletionCandidate>();
        var rank = 0;
        foreach (var hit in hits.Take(limit))
        {
            items.Add(TitleCandidate(hit.Paper, typed, "[[" + hit.Paper.Title + "]]", rank++));
            items.Add(KeyCandidate(hit.Paper, typed, "@" + KeyText(hit.Paper.Key), rank++) with { Label = "@" + hit.Paper.Key });
        }

        return new CompletionResult(TextSpan.FromBounds(start, line.End), items.ToImmutable(), RankedByTheServer);
    }

    private static CompletionResult? FieldContext(WorkspaceSnapshot snapshot, NotesDocument document, string before, TextSpan line, int offset, int limit, CancellationToken cancellationToken)
    {
        var tree = document.Syntax;
        var field = tree.Entries.SelectMany(e => e.Fields).FirstOrDefault(f => f.Span.ContainsOrTouches(offset) && offset > f.NameSpan.End);
        if (field is null)
        {
            return FieldNameContext(document, before, line, offset);
        }

        var colon = before.IndexOf(':');
        var valueStart = line.Start + colon + 1;
        if (colon < 0 || offset < valueStart)
        {
            return null;
        }

        var value = before[(colon + 1)..];
        switch (field.Name)
        {
            case KnownFields.Status:
            {
                var typed = value.TrimStart();
                var items = KnownFields.StatusValues
                    .Where(s => s.StartsWith(typed.Trim(), StringComparison.OrdinalIgnoreCase))
                    .Select((s, i) => new CompletionCandidate(s, CompletionCandidateKind.FieldValue, "status", s, s, Rank(i), null))
                    .ToImmutableArray();
                return new CompletionResult(TextSpan.FromBounds(offset - typed.Length, line.End), items, false);
            }

            case KnownFields.Tags:
            {
                var item = value[(value.LastIndexOf(',') + 1)..];
                var typed = item.TrimStart();
                var inField = FieldValues.SplitList(field.Value).Select(t => t.TrimStart('#')).ToList();
                var bare = typed.TrimStart('#');
                // The tag being typed is in the workspace's tags already; offer it only when some other value uses it too.
                var items = snapshot.TagUses
                    .Where(t => t.Tag == bare ? t.Uses > inField.Count(f => f == bare) : !inField.Contains(t.Tag))
                    .Select(t => t.Tag)
                    .Where(t => t.StartsWith(bare, StringComparison.OrdinalIgnoreCase))
                    .Take(limit)
                    .Select((t, i) => new CompletionCandidate(t, CompletionCandidateKind.Tag, "tag used in the workspace", typed.StartsWith('#') ? "#" + t : t, typed + " " + t, Rank(i), null))
                    .ToImmutableArray();
                return new CompletionResult(TextSpan.FromBounds(offset - typed.Length, offset), items, false);
            }

            case KnownFields.Related:
            {
                var item = value[(value.LastIndexOf(',') + 1)..];
                var typed = item.TrimStart();
                var hits = snapshot.Papers.Search(typed, limit, cancellationToken);
                var items = hits.Take(limit)
                    .Select((hit, rank) => TitleCandidate(hit.Paper, typed, "[[" + hit.Paper.Title + "]]", rank))
                    .ToImmutableArray();
                return new CompletionResult(TextSpan.FromBounds(offset - typed.Length, offset), items, RankedByTheServer);
            }

            default:
                return null;
        }
    }

    /// <summary>A word at the start of the line right under an entry's header or fields: the field names.</summary>
    private static CompletionResult? FieldNameContext(NotesDocument document, string before, TextSpan line, int offset)
    {
        if (!FieldNameBeforeCursor().IsMatch(before))
        {
            return null;
        }

        var lines = document.Text.Lines;
        var lineNumber = lines.LineOf(line.Start);
        var entry = document.Syntax.Entries.FirstOrDefault(e => lines.LineOf(e.Span.End) == lineNumber - 1);
        if (entry is null)
        {
            return null;
        }

        var typed = before.TrimStart();
        var present = entry.Fields.Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
        var items = KnownFields.Names
            .Where(n => !present.Contains(n) && n.StartsWith(typed, StringComparison.OrdinalIgnoreCase))
            .Select((n, i) => new CompletionCandidate(n, CompletionCandidateKind.FieldName, KnownFields.Describe(n), n + ": ", n, Rank(i), null))
            .ToImmutableArray();
        return items.IsEmpty ? null : new CompletionResult(TextSpan.FromBounds(offset - typed.Length, offset), items, false);
    }

    private static CompletionCandidate TitleCandidate(Paper paper, string typed, string insert, int rank) =>
        new(paper.Title, CompletionCandidateKind.Title, PaperMarkdown.Detail(paper), insert, FilterText(typed, paper.Title), Rank(rank), paper);

    private static CompletionCandidate KeyCandidate(Paper paper, string typed, string insert, int rank) =>
        new(paper.Key, CompletionCandidateKind.Key, paper.Title, insert, FilterText(typed, paper.Key), Rank(rank), paper);

    /// <summary>What was typed, then the plain form of the label: every client's prefix or fuzzy filter keeps the item.</summary>
    private static string FilterText(string typed, string label) => typed.Length == 0 ? label : typed + " " + TitleNormalizer.Fold(label);

    private static string Rank(int rank) => rank.ToString("D5", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A key that pandoc's bare form cannot hold is written braced.</summary>
    private static string KeyText(string key) => BareKey().IsMatch(key) ? key : "{" + key + "}";

    /// <summary>The start of the last <c>[[</c> before the cursor that is not escaped, or -1.</summary>
    private static int LastUnescapedOpen(string before)
    {
        var at = before.LastIndexOf("[[", StringComparison.Ordinal);
        while (at >= 0)
        {
            var escaped = at > 0 && before[at - 1] == '\\';
            if (!escaped)
            {
                return at;
            }

            at = at == 0 ? -1 : before.LastIndexOf("[[", at - 1, StringComparison.Ordinal);
        }

        return -1;
    }

    [GeneratedRegex(@"(?:^|(?<=[^\p{L}\p{N}_\\]))@(?<key>\{[^}]*|[\p{L}\p{N}_](?:[\p{L}\p{N}_]|[:.#$%&\-+?<>~/](?=[\p{L}\p{N}_]))*[:.#$%&\-+?<>~/]?)?$")]
    private static partial Regex KeyBeforeCursor();

    [GeneratedRegex(@"^(?:[\p{L}\p{N}_]|[:.#$%&\-+?<>~/](?=[\p{L}\p{N}_]))*")]
    private static partial Regex KeyCharacters();

    [GeneratedRegex(@"^[\p{L}\p{N}_](?:[\p{L}\p{N}_]|[:.#$%&\-+?<>~/](?=[\p{L}\p{N}_]))*$")]
    private static partial Regex BareKey();

    [GeneratedRegex(@"^\s*@paper\s+(?<rest>[^\[@]*)$")]
    private static partial Regex HeaderBeforeCursor();

    [GeneratedRegex(@"^\s*[\p{L}-]*$")]
    private static partial Regex FieldNameBeforeCursor();
}
