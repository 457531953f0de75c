using System.Text;
using PaperLsp.Core.Syntax;
using PaperLsp.Core.Text;

namespace PaperLsp.Core.Tests.Syntax;

/// <summary>
/// Renders a notes syntax tree as compact text for the fixture tests: one line per block, indented lines for its fields and
/// references, then the errors. Spans are <c>start..end</c> (end exclusive, UTF-16 offsets); an inner span is written as
/// <c>name@start "text"</c>, its length being the text's.
/// </summary>
public static class SyntaxTreeDump
{
    public static string Render(NotesSyntaxTree tree)
    {
        var output = new StringBuilder();
        foreach (var block in tree.Blocks)
        {
            switch (block)
            {
                case CommentSyntax comment:
                    output.Append("Comment ").Append(Span(comment.Span)).AppendLine();
                    break;
                case HeadingSyntax heading:
                    output.Append("Heading ").Append(Span(heading.Span)).Append(" level=").Append(heading.Level)
                        .Append(" text").Append(Inner(heading.TextSpan, heading.Text)).AppendLine();
                    AppendReferences(output, heading.InlineReferences, "  ");
                    break;
                case ProseSyntax prose:
                    output.Append("Prose ").Append(Span(prose.Span)).AppendLine();
                    AppendReferences(output, prose.InlineReferences, "  ");
                    break;
                case EntrySyntax entry:
                    output.Append("Entry ").Append(Span(entry.Span)).Append(" header=").Append(Span(entry.HeaderSpan))
                        .Append(" target=").Append(entry.Target is null ? "none" : Reference(entry.Target)).AppendLine();
                    foreach (var field in entry.Fields)
                    {
                        output.Append("  Field ").Append(Span(field.Span)).Append(' ').Append(field.Name)
                            .Append(" name@").Append(field.NameSpan.Start)
                            .Append(" value").Append(Inner(field.ValueSpan, field.Value)).AppendLine();
                        AppendReferences(output, field.ValueReferences, "    ");
                    }

                    break;
                default:
                    output.Append(block.GetType().Name).Append(' ').Append(Span(block.Span)).AppendLine();
                    break;
            }
        }

        foreach (var error in tree.Errors)
        {
            output.Append("Error ").Append(error.Code).Append(' ').Append(Span(error.Span)).Append(' ').Append(error.Message).AppendLine();
        }

        return output.ToString().TrimEnd();
    }

    public static string Reference(ReferenceSyntax reference) => reference switch
    {
        TitleReferenceSyntax title =>
            $"Title {Span(title.Span)} title{Inner(title.TitleSpan, title.Title)}"
            + (title.AliasSpan is { } aliasSpan ? $" alias{Inner(aliasSpan, title.Alias ?? "")}" : "")
            + (title.IsTerminated ? "" : " unterminated"),
        KeyReferenceSyntax key => $"Key{(key.IsBraced ? "{}" : "")} {Span(key.Span)} key{Inner(key.KeySpan, key.Key)}",
        _ => $"{reference.GetType().Name} {Span(reference.Span)}",
    };

    private static void AppendReferences(StringBuilder output, IEnumerable<ReferenceSyntax> references, string indent)
    {
        foreach (var reference in references)
        {
            output.Append(indent).Append(Reference(reference)).AppendLine();
        }
    }

    private static string Span(TextSpan span) => $"{span.Start}..{span.End}";

    private static string Inner(TextSpan span, string text) => $"@{span.Start} {Quote(text)}";

    /// <summary>Quotes a text, escaping what would make the dump ambiguous or unreadable (quotes, breaks, control characters).</summary>
    private static string Quote(string text)
    {
        var quoted = new StringBuilder("\"");
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                quoted.Append(c).Append(text[++i]);
                continue;
            }

            quoted.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\r' => "\\r",
                '\n' => "\\n",
                '\t' => "\\t",
                _ when char.IsControl(c) || char.IsSurrogate(c) => $"\\u{(int)c:X4}",
                _ => c.ToString(),
            });
        }

        return quoted.Append('"').ToString();
    }
}
