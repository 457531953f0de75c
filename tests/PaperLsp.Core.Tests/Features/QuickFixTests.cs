using PaperLsp.Core.Collections;
using PaperLsp.Core.Features.CodeActions;
using PaperLsp.Core.Text;

namespace PaperLsp.Core.Tests.Features;

/// <summary>
/// Quick fixes at a <c>$0</c> cursor: the titles offered, and the notes text after applying one of them.
/// </summary>
public sealed class QuickFixTests
{
    [Fact]
    public void Unknown_title_is_replaced_by_the_closest_title() => Apply(
        "See [[Atention is$0 all you ned]] today.",
        "Replace with \"Attention Is All You Need\"",
        "See [[Attention Is All You Need]] today.");

    [Fact]
    public void Replacing_a_title_keeps_the_shown_text() => Apply(
        "See [[Atention is all you ned|$0the paper]].",
        "Replace with \"Attention Is All You Need\"",
        "See [[Attention Is All You Need|the paper]].");

    [Fact]
    public void Key_that_differs_in_case_is_corrected() => Apply(
        "As @Xiong2021$0 showed.",
        "Replace with @xiong2021",
        "As @xiong2021 showed.");

    [Fact]
    public void Braced_unknown_key_keeps_its_braces() => Apply(
        "As @{vaswani2017$0} showed.",
        "Replace with @vaswani2017attention",
        "As @{vaswani2017attention} showed.");

    [Fact]
    public void Unterminated_reference_is_closed() => Apply(
        "See [[Attention Is All You Need$0   \nnext line",
        "Close the reference with ]]",
        "See [[Attention Is All You Need]]   \nnext line");

    [Fact]
    public void Misspelled_status_is_corrected() => Apply(
        "@paper @xiong2021\nstatus: redaing$0",
        "Change to 'reading'",
        "@paper @xiong2021\nstatus: reading");

    [Fact]
    public void First_suggestion_is_preferred()
    {
        var fixture = NotesFixture.Create("See [[Transformer$0]]");
        var fixes = CodeActionProvider.QuickFixes(fixture.Snapshot, fixture.Path, new TextSpan(fixture.Cursor, 0));
        Assert.True(fixes.Length >= 1);
        Assert.True(fixes[0].IsPreferred);
        Assert.All(fixes.Skip(1), f => Assert.False(f.IsPreferred));
    }

    [Fact]
    public void Unknown_title_can_be_added_to_the_first_bib_collection()
    {
        var directory = Directory.CreateTempSubdirectory("paperlsp-quickfix-");
        try
        {
            var bibPath = Path.Combine(directory.FullName, "refs.bib");
            File.WriteAllText(bibPath, "@article{a,\n  title = {A},\n}\n");
            var index = PaperIndex.Build([BibTexLoader.Load(bibPath, File.ReadAllText(bibPath))]);
            var fixture = NotesFixture.Create("See [[Gardening for Beginners$0]]", index);
            var add = Assert.Single(CodeActionProvider.QuickFixes(fixture.Snapshot, fixture.Path, new TextSpan(fixture.Cursor, 0)), f => f.Title.StartsWith("Add", StringComparison.Ordinal));
            var edit = Assert.Single(add.Edits);
            Assert.Equal(bibPath, edit.FilePath);
            var bib = Applied(File.ReadAllText(bibPath), edit);
            var reloaded = PaperIndex.Build([BibTexLoader.Load(bibPath, bib)]);
            Assert.Empty(reloaded.Problems);
            var added = reloaded.FindByTitle("gardening for beginners");
            Assert.NotNull(added);
            Assert.Contains("@" + added.Key, add.Title);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public void No_fix_away_from_a_diagnostic()
    {
        var fixture = NotesFixture.Create("Fine $0text [[Attention Is All You Need]]");
        Assert.Empty(CodeActionProvider.QuickFixes(fixture.Snapshot, fixture.Path, new TextSpan(fixture.Cursor, 0)));
    }

    private static void Apply(string textWithCursor, string title, string expected)
    {
        var fixture = NotesFixture.Create(textWithCursor);
        var fixes = CodeActionProvider.QuickFixes(fixture.Snapshot, fixture.Path, new TextSpan(fixture.Cursor, 0));
        var fix = fixes.FirstOrDefault(f => f.Title == title);
        Assert.True(fix is not null, $"no fix \"{title}\" among: {string.Join(" | ", fixes.Select(f => f.Title))}");
        var text = fixture.Text;
        foreach (var edit in fix.Edits.Reverse())
        {
            Assert.Equal(fixture.Path, edit.FilePath);
            text = Applied(text, edit);
        }

        Assert.Equal(expected, text);
    }

    private static string Applied(string text, QuickFixEdit edit)
    {
        var lines = SourceText.From(text).Lines;
        var start = lines.GetOffset(edit.Start);
        var end = lines.GetOffset(edit.End);
        return text[..start] + edit.NewText + text[end..];
    }
}
