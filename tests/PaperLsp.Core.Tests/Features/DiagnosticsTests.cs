using System.Collections.Immutable;
using PaperLsp.Core.Collections;
using PaperLsp.Core.Workspace;

namespace PaperLsp.Core.Tests.Features;

/// <summary>Every notes diagnostic code, field validation and severity configuration: notes text, then the expected list.</summary>
public sealed class DiagnosticsTests
{
    [Fact]
    public void Resolved_references_have_no_diagnostics() => Check(
        """
        # Reading
        See [[attention is all you need]] and @xiong2021, @{Smith:2020}.
        @paper [[Nystromformer: A Nystrom-based algorithm for approximating self-attention]]
        status: read
        """,
        "");

    [Fact]
    public void PN001_unknown_title_with_did_you_mean() => Check(
        "See [[Atention is all you ned]] today.",
        """
        1:5 PN001 Warning `[[Atention is all you ned]]` Unknown paper "Atention is all you ned": no title in the collection matches it. Did you mean "Attention Is All You Need"?
        """);

    [Fact]
    public void PN001_without_a_close_title() => Check(
        "[[Gardening for Beginners]]",
        """
        1:1 PN001 Warning `[[Gardening for Beginners]]` Unknown paper "Gardening for Beginners": no title in the collection matches it.
        """);

    [Fact]
    public void PN002_unknown_key_with_did_you_mean() => Check(
        "As @vaswani2017 showed.",
        """
        1:4 PN002 Warning `@vaswani2017` Unknown citation key @vaswani2017: no paper of the collection has it. Did you mean @vaswani2017attention?
        """);

    [Fact]
    public void PN002_key_that_matches_only_ignoring_case_names_the_right_key() => Check(
        "As @Xiong2021 and @smith:2020 showed.",
        """
        1:4 PN002 Warning `@Xiong2021` Unknown citation key @Xiong2021: keys are case-sensitive; did you mean @xiong2021?
        1:19 PN002 Warning `@smith:2020` Unknown citation key @smith:2020: keys are case-sensitive; did you mean @Smith:2020?
        """);

    [Fact]
    public void PN003_unterminated_title_reference_only_on_its_line() => Check(
        """
        See [[Attention Is All You Need
        and [[Attention Is All You Need]] here.
        """,
        """
        1:5 PN003 Error `[[Attention Is All You Need` Unterminated reference: `[[` has no closing `]]` on this line
        """);

    [Fact]
    public void PN004_empty_references() => Check(
        "[[]] and [[   ]] and @{}",
        """
        1:1 PN004 Warning `[[]]` Empty reference: write a paper title between `[[` and `]]`
        1:10 PN004 Warning `[[   ]]` Empty reference: write a paper title between `[[` and `]]`
        1:22 PN004 Warning `@{}` Empty reference: write a citation key between `@{` and `}`
        """);

    [Fact]
    public void PN006_same_paper_noted_by_title_and_by_key() => Check(
        """
        @paper [[Attention Is All You Need]]
        status: read

        @paper @vaswani2017attention
        """,
        """
        1:1 PN006 Warning `@paper [[Attention Is All You Need]]` "Attention Is All You Need" is noted more than once: also at notes.pnotes:4
        4:1 PN006 Warning `@paper @vaswani2017attention` "Attention Is All You Need" is noted more than once: also at notes.pnotes:1
        """);

    [Fact]
    public void PN006_across_files_names_the_other_file()
    {
        var fixture = NotesFixture.Create(
            "@paper @xiong2021",
            otherDocuments: [("/ws/sub/more.pnotes", "\n\n@paper [[nystromformer a nystrom based algorithm for approximating self attention]]")]);
        Assert.Equal(
            "1:1 PN006 Warning `@paper @xiong2021` \"Nyströmformer: A Nyström-Based Algorithm for Approximating Self-Attention\" is noted more than once: also at sub/more.pnotes:3",
            DiagnosticsRendering.Render(fixture.Snapshot, fixture.Path));
    }

    [Fact]
    public void PN006_for_the_same_unknown_title_twice() => Check(
        """
        @paper [[My Own Draft]]
        @paper [[my own draft!]]
        """,
        """
        1:1 PN006 Warning `@paper [[My Own Draft]]` "My Own Draft" is noted more than once: also at notes.pnotes:2
        1:8 PN001 Warning `[[My Own Draft]]` Unknown paper "My Own Draft": no title in the collection matches it.
        2:1 PN006 Warning `@paper [[my own draft!]]` "my own draft!" is noted more than once: also at notes.pnotes:1
        2:8 PN001 Warning `[[my own draft!]]` Unknown paper "my own draft!": no title in the collection matches it.
        """);

    [Fact]
    public void PN007_header_without_a_reference() => Check(
        """
        @paper
        @paper Attention Is All You Need
        """,
        """
        1:1 PN007 Error `@paper` `@paper` must name the paper the note is about: `@paper [[Title]]` or `@paper @citekey`
        2:1 PN007 Error `@paper Attention Is All You Need` `@paper` must name the paper the note is about: `@paper [[Title]]` or `@paper @citekey`
        """);

    [Theory]
    [InlineData("status: reading", null)]
    [InlineData("status: to-read", null)]
    [InlineData("status: done", "'done' is not a status; use one of: to-read, reading, read, skimmed, abandoned")]
    [InlineData("status: Read", "'Read' is not a status; use one of: to-read, reading, read, skimmed, abandoned")]
    [InlineData("tags: ml, #nlp, deep-learning, a_b", null)]
    [InlineData("tags: ml, deep learning", "'deep learning' is not a tag: a tag is one word (letters, digits, - and _), with an optional leading #")]
    [InlineData("tags: ##x", "'##x' is not a tag: a tag is one word (letters, digits, - and _), with an optional leading #")]
    [InlineData("rating: 5", null)]
    [InlineData("rating: 4/5", null)]
    [InlineData("rating: 4 / 5", null)]
    [InlineData("rating: 0", "'0' is not a rating; use an integer from 1 to 5, or n/5")]
    [InlineData("rating: 6/5", "'6/5' is not a rating; use an integer from 1 to 5, or n/5")]
    [InlineData("rating: 3.5", "'3.5' is not a rating; use an integer from 1 to 5, or n/5")]
    [InlineData("rating: 4/10", "'4/10' is not a rating; use an integer from 1 to 5, or n/5")]
    [InlineData("rating: 99999999999", "'99999999999' is not a rating; use an integer from 1 to 5, or n/5")]
    [InlineData("added: 2024-02-29", null)]
    [InlineData("added: 2023-02-30", "'2023-02-30' is not a date; use YYYY-MM-DD")]
    [InlineData("added: 2023-2-3", "'2023-2-3' is not a date; use YYYY-MM-DD")]
    [InlineData("read-on: 2023-13-01", "'2023-13-01' is not a date; use YYYY-MM-DD")]
    [InlineData("read-on: 01/02/2023", "'01/02/2023' is not a date; use YYYY-MM-DD")]
    [InlineData("url: https://arxiv.org/abs/1706.03762", null)]
    [InlineData("url: http://example.org", null)]
    [InlineData("url: ftp://example.org/paper.pdf", "'ftp://example.org/paper.pdf' is not an absolute http(s) URL")]
    [InlineData("url: example.org/paper", "'example.org/paper' is not an absolute http(s) URL")]
    [InlineData("url: /home/me/paper.pdf", "'/home/me/paper.pdf' is not an absolute http(s) URL")]
    [InlineData("venue: anything at all", null)]
    [InlineData("related: [[Attention Is All You Need]], @xiong2021", null)]
    public void PN005_field_values(string field, string? message)
    {
        var fixture = NotesFixture.Create("@paper @xiong2021\n" + field);
        var value = field[(field.IndexOf(':') + 2)..];
        var expected = message is null ? "" : $"2:{field.IndexOf(':') + 3} PN005 Warning `{value}` {message}";
        Assert.Equal(expected, DiagnosticsRendering.Render(fixture.Snapshot, fixture.Path));
    }

    [Fact]
    public void PN005_empty_value_is_not_reported() => Check(
        """
        @paper @xiong2021
        status:
        rating:
        """,
        "");

    [Fact]
    public void Related_references_are_checked_like_any_other() => Check(
        """
        @paper @xiong2021
        related: [[Atention Is All You Need]], @nokey
        """,
        """
        2:10 PN001 Warning `[[Atention Is All You Need]]` Unknown paper "Atention Is All You Need": no title in the collection matches it. Did you mean "Attention Is All You Need"?
        2:40 PN002 Warning `@nokey` Unknown citation key @nokey: no paper of the collection has it.
        """);

    [Fact]
    public void Severity_set_by_code() => Check(
        "[[Unknown Title]] @nokey",
        """
        1:1 PN001 Error `[[Unknown Title]]` Unknown paper "Unknown Title": no title in the collection matches it.
        1:19 PN002 Warning `@nokey` Unknown citation key @nokey: no paper of the collection has it.
        """,
        Configuration(("PN001", DiagnosticSeveritySetting.Error)));

    [Fact]
    public void Severity_set_by_name_covers_every_code_of_that_name() => Check(
        "[[Unknown Title]] @nokey",
        """
        1:1 PN001 Hint `[[Unknown Title]]` Unknown paper "Unknown Title": no title in the collection matches it.
        1:19 PN002 Hint `@nokey` Unknown citation key @nokey: no paper of the collection has it.
        """,
        Configuration(("unknown-reference", DiagnosticSeveritySetting.Hint)));

    [Fact]
    public void Off_by_name_and_the_code_wins_over_the_name() => Check(
        "[[Unknown Title]] @nokey",
        """
        1:19 PN002 Information `@nokey` Unknown citation key @nokey: no paper of the collection has it.
        """,
        Configuration(("unknown-reference", DiagnosticSeveritySetting.Off), ("PN002", DiagnosticSeveritySetting.Information)));

    [Fact]
    public void Off_for_field_values_and_syntax_errors() => Check(
        """
        @paper @xiong2021
        status: done
        [[unterminated
        """,
        "",
        Configuration(("unknown-field-value", DiagnosticSeveritySetting.Off), ("PN003", DiagnosticSeveritySetting.Off)));

    [Fact]
    public void Unknown_references_wait_until_the_papers_are_loaded()
    {
        const string text = """
            @paper [[Unknown Title]]
            status: done
            See @nokey and [[unterminated
            """;
        var loading = NotesFixture.Create(text, papersLoaded: false);
        Assert.Equal(
            """
            2:9 PN005 Warning `done` 'done' is not a status; use one of: to-read, reading, read, skimmed, abandoned
            3:16 PN003 Error `[[unterminated` Unterminated reference: `[[` has no closing `]]` on this line
            """,
            DiagnosticsRendering.Render(loading.Snapshot, loading.Path));

        var loaded = NotesFixture.Create(text, papers: PaperIndex.Empty);
        Assert.Contains("PN001", DiagnosticsRendering.Render(loaded.Snapshot, loaded.Path));
        Assert.Contains("PN002", DiagnosticsRendering.Render(loaded.Snapshot, loaded.Path));
    }

    [Fact]
    public void Columns_are_utf16_after_an_emoji() => Check(
        "😀 é [[Unknown]] 😀@nokey",
        """
        1:6 PN001 Warning `[[Unknown]]` Unknown paper "Unknown": no title in the collection matches it.
        1:20 PN002 Warning `@nokey` Unknown citation key @nokey: no paper of the collection has it.
        """);

    [Fact]
    public void Crlf_line_breaks_count_as_one() => Check(
        "first\r\nsecond [[Unknown]]\r\n",
        """
        2:8 PN001 Warning `[[Unknown]]` Unknown paper "Unknown": no title in the collection matches it.
        """);

    [Fact]
    public void Collection_problems_get_the_configured_severity_and_off_removes_them()
    {
        var problem = new CollectionProblem("/ws/refs.bib", 3, 1, "PN012", "Undefined macro 'jacm'");
        var index = PaperIndex.Build([new CollectionLoadResult("/ws/refs.bib", ImmutableArray<Paper>.Empty, [problem, problem with { Code = "PN010" }])]);
        var snapshot = WorkspaceSnapshot.Empty.WithPapers(index)
            .WithConfiguration(Configuration(("undefined-macro", DiagnosticSeveritySetting.Error), ("PN010", DiagnosticSeveritySetting.Off)));
        var only = Assert.Single(PaperLsp.Core.Features.Diagnostics.DiagnosticsProvider.CollectionProblems(snapshot));
        Assert.Equal(("PN012", ProblemSeverity.Error), (only.Code, only.Severity));
    }

    internal static PaperLspConfiguration Configuration(params (string Key, DiagnosticSeveritySetting Setting)[] settings) =>
        PaperLspConfiguration.Empty with
        {
            Diagnostics = settings.ToImmutableDictionary(s => s.Key, s => s.Setting, StringComparer.OrdinalIgnoreCase),
        };

    private static void Check(string text, string expected, PaperLspConfiguration? configuration = null)
    {
        var fixture = NotesFixture.Create(text, configuration: configuration);
        Assert.Equal(expected.Trim(), DiagnosticsRendering.Render(fixture.Snapshot, fixture.Path));
    }
}
