using System.Collections.Immutable;
using PaperLsp.Core.Features.Fields;
using PaperLsp.Core.Features.Resolution;
using PaperLsp.Core.Syntax;
using PaperLsp.Core.Text;
using PaperLsp.Core.Workspace;

namespace PaperLsp.Core.Features.Outline;

/// <summary>
/// The outline of a notes file: headings nest by level (a <c>##</c> under the <c>#</c> before it), each holding the
/// <c>@paper</c> entries that follow it; an entry shows the paper's title (from the collection when it resolves) and its
/// status, with its fields as children. A heading's span runs to the next heading of the same or a higher level.
/// </summary>
public static class DocumentSymbolProvider
{
    public static ImmutableArray<OutlineSymbol> Outline(WorkspaceSnapshot snapshot, string path)
    {
        var document = snapshot.GetDocument(path);
        if (document is null)
        {
            return ImmutableArray<OutlineSymbol>.Empty;
        }

        var root = new Node(null, 0, default, default, null);
        var open = new Stack<Node>();
        open.Push(root);
        foreach (var block in document.Syntax.Blocks)
        {
            switch (block)
            {
                case HeadingSyntax heading:
                    while (open.Peek().Level >= heading.Level)
                    {
                        open.Pop().End = heading.Span.Start;
                    }

                    var node = new Node(heading.Text.Length > 0 ? heading.Text : "(untitled)", heading.Level, heading.Span, heading.TextSpan.Length > 0 ? heading.TextSpan : heading.Span, null);
                    open.Peek().Children.Add(node);
                    open.Push(node);
                    break;
                case EntrySyntax entry:
                    open.Peek().Symbols.Add(EntrySymbol(snapshot, entry));
                    break;
            }

            open.Peek().End = block.Span.End;
        }

        while (open.Count > 1)
        {
            var closed = open.Pop();
            closed.End = Math.Max(closed.End, document.Text.Length);
        }

        return root.ToSymbols(document.Text);
    }

    private static OutlineSymbol EntrySymbol(WorkspaceSnapshot snapshot, EntrySyntax entry)
    {
        var paper = entry.Target is null ? null : ReferenceResolver.Resolve(snapshot.Papers, entry.Target).Paper;
        var name = paper?.Title ?? entry.Target switch
        {
            TitleReferenceSyntax t => t.Title,
            KeyReferenceSyntax k => "@" + k.Key,
            _ => "@paper",
        };
        var status = entry.Field(KnownFields.Status)?.Value;
        var fields = entry.Fields
            .Select(f => new OutlineSymbol(f.Name, f.Value, OutlineSymbolKind.Field, f.Span, f.NameSpan, ImmutableArray<OutlineSymbol>.Empty))
            .ToImmutableArray();
        return new OutlineSymbol(
            string.IsNullOrWhiteSpace(name) ? "@paper" : name,
            string.IsNullOrEmpty(status) ? paper?.Key : status,
            OutlineSymbolKind.Entry,
            entry.Span,
            entry.Target?.Span ?? entry.HeaderSpan,
            fields);
    }

    /// <summary>A heading being assembled: its child headings and entries in text order, and where it ends.</summary>
    private sealed class Node(string? name, int level, TextSpan span, TextSpan selection, string? detail)
    {
        public int Level { get; } = level;

        public int End { get; set; } = span.End;

        public List<Node> Children { get; } = new();

        public List<OutlineSymbol> Symbols { get; } = new();

        private List<(int Start, Func<SourceText, OutlineSymbol> Make)> Ordered =>
            Children.Select(c => (c.StartOffset, (Func<SourceText, OutlineSymbol>)c.ToSymbol))
                .Concat(Symbols.Select(s => (s.Span.Start, (Func<SourceText, OutlineSymbol>)(_ => s))))
                .OrderBy(x => x.Item1)
                .ToList();

        private int StartOffset => span.Start;

        public ImmutableArray<OutlineSymbol> ToSymbols(SourceText text) => Ordered.Select(x => x.Make(text)).ToImmutableArray();

        private OutlineSymbol ToSymbol(SourceText text)
        {
            var end = Math.Max(span.End, End);
            // Trailing blank lines belong to the gap, not to the section.
            while (end > span.End && char.IsWhiteSpace(text.Text[end - 1]))
            {
                end--;
            }

            return new OutlineSymbol(name!, detail, OutlineSymbolKind.Heading, TextSpan.FromBounds(span.Start, end), selection, ToSymbols(text));
        }
    }
}
