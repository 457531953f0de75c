using System.Collections.Immutable;
using System.Text;
using PaperLsp.Core.Collections;
using PaperLsp.Core.Features.Diagnostics;
using PaperLsp.Core.Syntax;
using PaperLsp.Core.Text;
using PaperLsp.Core.Workspace;

namespace PaperLsp.Core.Features.CodeActions;

/// <summary>
/// Quick fixes for the diagnostics in a range: replace an unknown title or key with a suggestion ("did you mean"), add an
/// unknown title to the first BibTeX collection as a new entry, close an unterminated <c>[[</c>, correct a status value.
/// </summary>
public static class CodeActionProvider
{
    public static ImmutableArray<QuickFix> QuickFixes(WorkspaceSnapshot snapshot, string path, TextSpan range)
    {
        var document = snapshot.GetDocument(path);
        if (document is null)
        {
            return ImmutableArray<QuickFix>.Empty;
        }

        var fixes = ImmutableArray.CreateBuilder<QuickFix>();
        foreach (var diagnostic in DiagnosticsProvider.Compute(snapshot, path).Where(d => Touches(d.Span, range)))
        {
            var reference = document.Syntax.References.FirstOrDefault(r => r.Span == diagnostic.Span);
            switch (diagnostic.Code)
            {
                case "PN001" when reference is TitleReferenceSyntax title:
                    fixes.AddRange(diagnostic.Suggestions.Select((s, i) => Replace(document, title.TitleSpan, s, $"Replace with \"{s}\"", "PN001", i == 0)));
                    if (AddToCollection(snapshot, title.Title.Trim()) is { } add)
                    {
                        fixes.Add(add);
                    }

                    break;
                case "PN002" when reference is KeyReferenceSyntax key:
                    fixes.AddRange(diagnostic.Suggestions.Select((s, i) => Replace(document, key.KeySpan, s, $"Replace with @{s}", "PN002", i == 0)));
                    break;
                case "PN003" when reference is TitleReferenceSyntax open:
                    var end = TrimmedEnd(document.Text, open.Span);
                    fixes.Add(Replace(document, new TextSpan(end, 0), "]]", "Close the reference with ]]", "PN003", true));
                    break;
                case "PN005" when diagnostic.Suggestions.Count > 0:
                    fixes.Add(Replace(document, diagnostic.Span, diagnostic.Suggestions[0], $"Change to '{diagnostic.Suggestions[0]}'", "PN005", true));
                    break;
            }
        }

        return fixes.ToImmutable();
    }

    private static bool Touches(TextSpan span, TextSpan range) =>
        span.OverlapsWith(range) || span.ContainsOrTouches(range.Start) || range.ContainsOrTouches(span.Start);

    private static QuickFix Replace(NotesDocument document, TextSpan span, string text, string title, string code, bool preferred)
    {
        var lines = document.Text.Lines;
        return new QuickFix(title, code, [new QuickFixEdit(document.Path, lines.GetPosition(span.Start), lines.GetPosition(span.End), text)], preferred);
    }

    /// <summary>A new <c>@misc</c> entry with the title at the end of the first .bib collection, under a generated key.</summary>
    private static QuickFix? AddToCollection(WorkspaceSnapshot snapshot, string title)
    {
        var bib = snapshot.Papers.Collections.FirstOrDefault(c => c.FilePath.EndsWith(".bib", StringComparison.OrdinalIgnoreCase));
        if (bib is null || title.Length == 0)
        {
            return null;
        }

        // Every key that resolves (merged sources' too), asked of the key lookup: no paper decoded, no key made a string.
        var key = new KeyGenerator(snapshot.Papers.HasKey).Generate(title);
        var end = EndOfFile(bib.FilePath);
        if (end is null)
        {
            return null;
        }

        var entry = new StringBuilder();
        entry.Append(end.Value.Character == 0 ? "\n" : "\n\n");
        entry.Append("@misc{").Append(key).Append(",\n  title = {").Append(title.Replace("{", "\\{").Replace("}", "\\}")).Append("},\n}\n");
        return new QuickFix(
            $"Add \"{title}\" to {Path.GetFileName(bib.FilePath)} as @{key}",
            "PN001",
            [new QuickFixEdit(bib.FilePath, end.Value, end.Value, entry.ToString())],
            false);
    }

    private static LinePosition? EndOfFile(string path)
    {
        try
        {
            var text = SourceText.FromFile(path);
            return text.Lines.GetPosition(text.Length);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static int TrimmedEnd(SourceText text, TextSpan span)
    {
        var end = span.End;
        while (end > span.Start && char.IsWhiteSpace(text.Text[end - 1]))
        {
            end--;
        }

        return end;
    }
}
