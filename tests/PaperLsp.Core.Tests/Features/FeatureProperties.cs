using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using PaperLsp.Core.Features.CodeActions;
using PaperLsp.Core.Features.Completion;
using PaperLsp.Core.Features.Diagnostics;
using PaperLsp.Core.Features.Hover;
using PaperLsp.Core.Features.Navigation;
using PaperLsp.Core.Features.Outline;
using PaperLsp.Core.Tests.Text;
using PaperLsp.Core.Text;

namespace PaperLsp.Core.Tests.Features;

/// <summary>Every feature answers at every offset of any notes-like text, with spans inside the document.</summary>
public sealed class FeatureProperties
{
    private static readonly string[] Fragments =
    [
        "[[attention", "[[Attention Is All You Need]]", "|shown", "]]", "@xiong2021", "@Xiong", "@{", "@{Smith:2020}", "@paper ",
        "\nstatus: ", "\ntags: ", "\nrating: ", "\nrelated: ", "\nadded: 2023-02-30", "\nurl: x", "#", "# ", "## ", "\n", "\r\n",
        " ", ",", "}", "%", "😀", "\uD800", "é", "nyström", "\\[[",
    ];

    private static Gen<string> Notes { get; } =
        Gen.OneOf(TextGenerators.NotesLike, Gen.Elements(Fragments).ArrayOf().Select(string.Concat));

    [Property(MaxTest = 200)]
    public Property Features_never_throw_at_any_offset() =>
        Prop.ForAll(Notes.ToArbitrary(), text =>
        {
            var fixture = NotesFixture.Create(text.Replace(NotesFixture.CursorMarker, "$ 0"));
            var length = fixture.Text.Length;
            foreach (var diagnostic in DiagnosticsProvider.Compute(fixture.Snapshot, fixture.Path))
            {
                Assert.True(diagnostic.Span.Start >= 0 && diagnostic.Span.End <= length, $"diagnostic {diagnostic} outside the text");
            }

            Within(DocumentSymbolProvider.Outline(fixture.Snapshot, fixture.Path), length);
            for (var offset = 0; offset <= length; offset++)
            {
                var completion = CompletionProvider.Complete(fixture.Snapshot, fixture.Path, offset, limit: 5);
                if (completion is not null)
                {
                    Assert.True(completion.ReplaceSpan.Start >= 0 && completion.ReplaceSpan.End <= length);
                    Assert.InRange(offset, completion.ReplaceSpan.Start, completion.ReplaceSpan.End);
                }

                var hover = HoverProvider.Hover(fixture.Snapshot, fixture.Path, offset);
                if (hover is not null)
                {
                    Assert.True(hover.Span.Start >= 0 && hover.Span.End <= length);
                }

                DefinitionProvider.Find(fixture.Snapshot, fixture.Path, offset);
                ReferencesProvider.Find(fixture.Snapshot, fixture.Path, offset, includeDeclaration: true);
            }

            CodeActionProvider.QuickFixes(fixture.Snapshot, fixture.Path, new TextSpan(0, length));
        });

    private static void Within(IEnumerable<OutlineSymbol> symbols, int length)
    {
        foreach (var symbol in symbols)
        {
            Assert.True(symbol.Span.Start >= 0 && symbol.Span.End <= length, $"{symbol.Name} {symbol.Span} outside the text");
            Within(symbol.Children, length);
        }
    }
}
