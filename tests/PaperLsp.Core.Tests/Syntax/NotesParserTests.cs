using PaperLsp.Core.Syntax;
using PaperLsp.Core.Text;

namespace PaperLsp.Core.Tests.Syntax;

/// <summary>
/// The notes format's "Lines" and "References" rules, one fixture each: the input, then the tree as <see cref="SyntaxTreeDump"/>
/// renders it (blocks, their fields and references with spans, then the errors).
/// </summary>
public sealed class NotesParserTests
{
    [Fact]
    public void Empty_text_has_no_blocks() => Check("", "");

    [Fact]
    public void Prose_line_without_references() => Check(
        "Just some thoughts.",
        """
        Prose 0..19
        """);

    [Fact]
    public void Blank_lines_are_prose_without_references() => Check(
        "a\n\n   \nb",
        """
        Prose 0..1
        Prose 2..2
        Prose 3..6
        Prose 7..8
        """);

    [Fact]
    public void Final_line_break_does_not_start_an_empty_line() => Check(
        "a\n",
        """
        Prose 0..1
        """);

    [Fact]
    public void Comment_line() => Check(
        "% a comment with [[No Reference]] and @nokey",
        """
        Comment 0..44
        """);

    [Fact]
    public void Indented_comment_line() => Check(
        "   % indented",
        """
        Comment 0..13
        """);

    [Fact]
    public void Heading_levels_one_to_six() => Check(
        """
        # One
        ###### Six
        """,
        """
        Heading 0..5 level=1 text@2 "One"
        Heading 6..16 level=6 text@13 "Six"
        """);

    [Fact]
    public void Heading_with_seven_marks_is_prose() => Check(
        "####### seven",
        """
        Prose 0..13
        """);

    [Fact]
    public void Hash_tag_without_space_is_prose() => Check(
        "#tag not a heading",
        """
        Prose 0..18
        """);

    [Fact]
    public void Lone_hash_is_prose_but_hash_space_is_an_empty_heading() => Check(
        "#\n# ",
        """
        Prose 0..1
        Heading 2..4 level=1 text@4 ""
        """);

    [Fact]
    public void Heading_text_is_trimmed_and_may_be_indented_or_tab_separated() => Check(
        "  ##   Methods  \n#\tTabbed",
        """
        Heading 0..16 level=2 text@7 "Methods"
        Heading 17..25 level=1 text@19 "Tabbed"
        """);

    [Fact]
    public void Heading_contains_references() => Check(
        "## Compare [[Attention|the transformer]] with @devlin2019",
        """
        Heading 0..57 level=2 text@3 "Compare [[Attention|the transformer]] with @devlin2019"
          Title 11..40 title@13 "Attention" alias@23 "the transformer"
          Key 46..57 key@47 "devlin2019"
        """);

    [Fact]
    public void Title_reference_in_prose() => Check(
        "See [[Attention Is All You Need]] for details.",
        """
        Prose 0..46
          Title 4..33 title@6 "Attention Is All You Need"
        """);

    [Fact]
    public void Title_reference_with_alias() => Check(
        "See [[Attention Is All You Need|the transformer paper]].",
        """
        Prose 0..56
          Title 4..55 title@6 "Attention Is All You Need" alias@32 "the transformer paper"
        """);

    [Fact]
    public void Title_ends_at_first_bar_alias_at_first_double_bracket() => Check(
        "[[a|b|c]] [[a]b]] [[x]]] [[[y]]",
        """
        Prose 0..31
          Title 0..9 title@2 "a" alias@4 "b|c"
          Title 10..17 title@12 "a]b"
          Title 18..23 title@20 "x"
          Title 25..31 title@27 "[y"
        """);

    [Fact]
    public void Title_keeps_inner_spaces_as_written() => Check(
        "[[ Spaced Title ]]",
        """
        Prose 0..18
          Title 0..18 title@2 " Spaced Title "
        """);

    [Fact]
    public void Unterminated_title_runs_to_end_of_line_only() => Check(
        """
        See [[Attention and @vaswani
        next line [[Fine]]
        """,
        """
        Prose 0..28
          Title 4..28 title@6 "Attention and @vaswani" unterminated
        Prose 29..47
          Title 39..47 title@41 "Fine"
        Error PN003 4..28 Unterminated reference: `[[` has no closing `]]` on this line
        """);

    [Fact]
    public void Unterminated_title_with_alias() => Check(
        "[[Title|shown",
        """
        Prose 0..13
          Title 0..13 title@2 "Title" alias@8 "shown" unterminated
        Error PN003 0..13 Unterminated reference: `[[` has no closing `]]` on this line
        """);

    [Fact]
    public void Double_bracket_at_end_of_line_is_unterminated() => Check(
        "cursor here [[",
        """
        Prose 0..14
          Title 12..14 title@14 "" unterminated
        Error PN003 12..14 Unterminated reference: `[[` has no closing `]]` on this line
        """);

    [Fact]
    public void Title_cannot_span_lines() => Check(
        """
        [[first half
        second half]]
        """,
        """
        Prose 0..12
          Title 0..12 title@2 "first half" unterminated
        Prose 13..26
        Error PN003 0..12 Unterminated reference: `[[` has no closing `]]` on this line
        """);

    [Fact]
    public void Empty_title_references() => Check(
        "[[]] [[   ]] [[|alias]]",
        """
        Prose 0..23
          Title 0..4 title@2 ""
          Title 5..12 title@7 "   "
          Title 13..23 title@15 "" alias@16 "alias"
        Error PN004 0..4 Empty reference: write a paper title between `[[` and `]]`
        Error PN004 5..12 Empty reference: write a paper title between `[[` and `]]`
        Error PN004 13..23 Empty reference: write a paper title between `[[` and `]]`
        """);

    [Fact]
    public void Single_brackets_are_text() => Check(
        "[a] [b]] ]] [",
        """
        Prose 0..13
        """);

    [Fact]
    public void Key_reference_in_prose() => Check(
        "As @vaswani2017 showed.",
        """
        Prose 0..23
          Key 3..15 key@4 "vaswani2017"
        """);

    [Fact]
    public void Key_at_line_start() => Check(
        "@doe2020 says so",
        """
        Prose 0..16
          Key 0..8 key@1 "doe2020"
        """);

    [Fact]
    public void Key_keeps_internal_punctuation_followed_by_letter_or_digit() => Check(
        "@doe:2020 @a.b.c @x-y_z @p#1 @q$2 @r%3 @s&4 @t+5 @u?6 @v<7 @w>8 @z~9 @path/to",
        """
        Prose 0..77
          Key 0..9 key@1 "doe:2020"
          Key 10..16 key@11 "a.b.c"
          Key 17..23 key@18 "x-y_z"
          Key 24..28 key@25 "p#1"
          Key 29..33 key@30 "q$2"
          Key 34..38 key@35 "r%3"
          Key 39..43 key@40 "s&4"
          Key 44..48 key@45 "t+5"
          Key 49..53 key@50 "u?6"
          Key 54..58 key@55 "v<7"
          Key 59..63 key@60 "w>8"
          Key 64..68 key@65 "z~9"
          Key 69..77 key@70 "path/to"
        """);

    [Fact]
    public void Key_drops_trailing_punctuation() => Check(
        "See @key. Or @key, or (@key), @key: @a--b @c:-d",
        """
        Prose 0..47
          Key 4..8 key@5 "key"
          Key 13..17 key@14 "key"
          Key 23..27 key@24 "key"
          Key 30..34 key@31 "key"
          Key 36..38 key@37 "a"
          Key 42..44 key@43 "c"
        """);

    [Fact]
    public void Key_starting_with_digit_or_underscore() => Check(
        "@2020survey @_private",
        """
        Prose 0..21
          Key 0..11 key@1 "2020survey"
          Key 12..21 key@13 "_private"
        """);

    [Fact]
    public void Email_address_is_not_a_reference() => Check(
        "Write to someone@example.org or x_@y or 9@z.",
        """
        Prose 0..44
        """);

    [Fact]
    public void At_after_punctuation_is_a_reference() => Check(
        "(@a) [@b] \"@c\" a@@d /@e",
        """
        Prose 0..23
          Key 1..3 key@2 "a"
          Key 6..8 key@7 "b"
          Key 11..13 key@12 "c"
          Key 17..19 key@18 "d"
          Key 21..23 key@22 "e"
        """);

    [Fact]
    public void At_without_key_is_text() => Check(
        "@ @. @- @@ email me @",
        """
        Prose 0..21
        """);

    [Fact]
    public void Unicode_letters_in_keys() => Check(
        "@müller2020 @日本語 é@no @é𝐀x @k😀 😀@afteremoji",
        """
        Prose 0..46
          Key 0..11 key@1 "müller2020"
          Key 12..16 key@13 "日本語"
          Key 22..27 key@23 "é𝐀x"
          Key 28..30 key@29 "k"
          Key 35..46 key@36 "afteremoji"
        """);

    [Fact]
    public void Braced_key_reference() => Check(
        "See @{Some Key: with spaces} and @{  trimmed  }.",
        """
        Prose 0..48
          Key{} 4..28 key@6 "Some Key: with spaces"
          Key{} 33..47 key@37 "trimmed"
        """);

    [Fact]
    public void Braced_key_empty_or_unterminated() => Check(
        "@{} @{ } @{open to the end",
        """
        Prose 0..26
          Key{} 0..3 key@2 ""
          Key{} 4..8 key@7 ""
          Key{} 9..26 key@11 "open to the end"
        Error PN004 0..3 Empty reference: write a citation key between `@{` and `}`
        Error PN004 4..8 Empty reference: write a citation key between `@{` and `}`
        Error PN003 9..26 Unterminated reference: `@{` has no closing `}` on this line
        """);

    // A backslash right before `[[` or `@` makes it text, even after another backslash (FORMAT.md has no `\\` escape).
    [Fact]
    public void Escaped_references_are_text() => Check(
        "\\[[not a title]] \\@notakey [\\[x]] \\\\[[still escaped]] \\[ [[real]]",
        """
        Prose 0..65
          Title 57..65 title@59 "real"
        """);

    [Fact]
    public void Paper_not_at_line_start_is_a_key_to_paper() => Check(
        "I read @paper yesterday; @paperweight; @paper.",
        """
        Prose 0..46
          Key 7..13 key@8 "paper"
          Key 25..37 key@26 "paperweight"
          Key 39..45 key@40 "paper"
        """);

    [Fact]
    public void Entry_with_title_target() => Check(
        "@paper [[Attention Is All You Need]]",
        """
        Entry 0..36 header=0..36 target=Title 7..36 title@9 "Attention Is All You Need"
        """);

    [Fact]
    public void Entry_with_key_and_braced_key_targets() => Check(
        """
        @paper @vaswani2017

        @paper @{Some Key}
        """,
        """
        Entry 0..19 header=0..19 target=Key 7..19 key@8 "vaswani2017"
        Prose 20..20
        Entry 21..39 header=21..39 target=Key{} 28..39 key@30 "Some Key"
        """);

    [Fact]
    public void Entry_fields_until_blank_line() => Check(
        """
        @paper [[Attention Is All You Need]]
        status: read
        Tags: nlp, #transformers
        rating:

        status: prose now
        """,
        """
        Entry 0..82 header=0..36 target=Title 7..36 title@9 "Attention Is All You Need"
          Field 37..49 status name@37 value@45 "read"
          Field 50..74 tags name@50 value@56 "nlp, #transformers"
          Field 75..82 rating name@75 value@82 ""
        Prose 83..83
        Prose 84..101
        """);

    [Fact]
    public void Entry_fields_end_at_first_non_field_line() => Check(
        """
        @paper @k
        status: read
        This line is prose, not a field
        added: 2024-01-01
        """,
        """
        Entry 0..22 header=0..9 target=Key 7..9 key@8 "k"
          Field 10..22 status name@10 value@18 "read"
        Prose 23..54
        Prose 55..72
        """);

    [Fact]
    public void Entry_fields_end_at_comment_and_heading() => Check(
        """
        @paper @k
        % comment
        status: prose
        @paper @j
        # Heading
        status: prose
        """,
        """
        Entry 0..9 header=0..9 target=Key 7..9 key@8 "k"
        Comment 10..19
        Prose 20..33
        Entry 34..43 header=34..43 target=Key 41..43 key@42 "j"
        Heading 44..53 level=1 text@46 "Heading"
        Prose 54..67
        """);

    [Fact]
    public void Field_names_letters_digits_dash_underscore_lower_cased() => Check(
        "@paper @k\n  Read-On: 2024-05-01\nmy_field2:   spaced value   \nnot a field: x",
        """
        Entry 0..60 header=0..9 target=Key 7..9 key@8 "k"
          Field 10..31 read-on name@12 value@21 "2024-05-01"
          Field 32..60 my_field2 name@32 value@45 "spaced value"
        Prose 61..75
        """);

    [Fact]
    public void Field_values_other_than_related_have_no_references() => Check(
        """
        @paper @k
        note: see [[Other]] and @other
        """,
        """
        Entry 0..40 header=0..9 target=Key 7..9 key@8 "k"
          Field 10..40 note name@10 value@16 "see [[Other]] and @other"
        """);

    [Fact]
    public void Related_field_references() => Check(
        """
        @paper @k
        related: [[BERT, Pre-training]], @devlin2019, @{Some Key}, not-a-ref
        """,
        """
        Entry 0..78 header=0..9 target=Key 7..9 key@8 "k"
          Field 10..78 related name@10 value@19 "[[BERT, Pre-training]], @devlin2019, @{Some Key}, not-a-ref"
            Title 19..41 title@21 "BERT, Pre-training"
            Key 43..54 key@44 "devlin2019"
            Key{} 56..67 key@58 "Some Key"
        """);

    [Fact]
    public void Field_line_outside_an_entry_is_prose() => Check(
        """
        status: read
        related: @k
        """,
        """
        Prose 0..12
        Prose 13..24
          Key 22..24 key@23 "k"
        """);

    [Fact]
    public void Entry_header_without_reference() => Check(
        "@paper\n@paper   \n@paper garbage [[Late]]",
        """
        Entry 0..6 header=0..6 target=none
        Entry 7..16 header=7..16 target=none
        Entry 17..40 header=17..40 target=none
        Error PN007 0..6 `@paper` must name the paper the note is about: `@paper [[Title]]` or `@paper @citekey`
        Error PN007 7..13 `@paper` must name the paper the note is about: `@paper [[Title]]` or `@paper @citekey`
        Error PN007 17..40 `@paper` must name the paper the note is about: `@paper [[Title]]` or `@paper @citekey`
        """);

    [Fact]
    public void Entry_header_with_unterminated_or_empty_target() => Check(
        """
        @paper [[Attention
        @paper [[]]
        @paper @{}
        """,
        """
        Entry 0..18 header=0..18 target=Title 7..18 title@9 "Attention" unterminated
        Entry 19..30 header=19..30 target=Title 26..30 title@28 ""
        Entry 31..41 header=31..41 target=Key{} 38..41 key@40 ""
        Error PN003 7..18 Unterminated reference: `[[` has no closing `]]` on this line
        Error PN004 26..30 Empty reference: write a paper title between `[[` and `]]`
        Error PN004 38..41 Empty reference: write a citation key between `@{` and `}`
        """);

    [Fact]
    public void Entry_header_text_after_target_is_ignored() => Check(
        "@paper @key my favourite [[Other]]",
        """
        Entry 0..34 header=0..34 target=Key 7..11 key@8 "key"
        """);

    [Fact]
    public void Entry_header_may_be_indented_or_tab_separated() => Check(
        "  @paper\t[[Tabbed]]",
        """
        Entry 0..19 header=0..19 target=Title 9..19 title@11 "Tabbed"
        """);

    [Fact]
    public void Entry_mark_needs_a_blank_after_it() => Check(
        """
        @paper: not a header
        @paper[[x]]
        """,
        """
        Prose 0..20
          Key 0..6 key@1 "paper"
        Prose 21..32
          Key 21..27 key@22 "paper"
          Title 27..32 title@29 "x"
        """);

    [Fact]
    public void Crlf_line_breaks() => Check(
        "# Title\r\n@paper @k\r\nstatus: read\r\n\r\nSee @k.\r\n",
        """
        Heading 0..7 level=1 text@2 "Title"
        Entry 9..32 header=9..18 target=Key 16..18 key@17 "k"
          Field 20..32 status name@20 value@28 "read"
        Prose 34..34
        Prose 36..43
          Key 40..42 key@41 "k"
        """);

    [Fact]
    public void Lone_cr_line_breaks() => Check(
        "a @x\rb [[T]]\r\rc",
        """
        Prose 0..4
          Key 2..4 key@3 "x"
        Prose 5..12
          Title 7..12 title@9 "T"
        Prose 13..13
        Prose 14..15
        """);

    [Fact]
    public void Mixed_line_breaks() => Check(
        "a\r\nb\nc\rd\n\re",
        """
        Prose 0..1
        Prose 3..4
        Prose 5..6
        Prose 7..8
        Prose 9..9
        Prose 10..11
        """);

    [Fact]
    public void Control_characters_and_lone_surrogates_are_text() => Check(
        "a\0@k\0 [[\uD800]] @\uDC00x \u0001@y",
        """
        Prose 0..19
          Key 2..4 key@3 "k"
          Title 6..11 title@8 "\uD800"
          Key 17..19 key@18 "y"
        """);

    [Theory]
    [InlineData("See [[Atten$0tion]] now", "Title 4..17 title@6 \"Attention\"")]
    [InlineData("See [[Attention]]$0 now", "Title 4..17 title@6 \"Attention\"")]
    [InlineData("$0See [[Attention]] now", "none")]
    [InlineData("cursor here [[$0", "Title 12..14 title@14 \"\" unterminated")]
    [InlineData("@paper @vas$0wani", "Key 7..15 key@8 \"vaswani\"")]
    [InlineData("@paper @k\nrelated: @a, [[B$0", "Title 23..26 title@25 \"B\" unterminated")]
    [InlineData("@paper @k\nnote: @a$0", "none")]
    [InlineData("mail someone@exa$0mple.org", "none")]
    public void Reference_at_cursor(string fixture, string expected)
    {
        var offset = fixture.IndexOf("$0", StringComparison.Ordinal);
        var tree = NotesParser.Parse(SourceText.From(fixture.Remove(offset, 2)));

        var reference = tree.ReferenceAt(offset);

        Assert.Equal(expected, reference is null ? "none" : SyntaxTreeDump.Reference(reference));
    }

    [Fact]
    public void Byte_order_mark_is_not_part_of_the_text() => Check(
        "\uFEFF@paper @k",
        """
        Entry 0..9 header=0..9 target=Key 7..9 key@8 "k"
        """);

    private static void Check(string input, string expected)
    {
        var actual = SyntaxTreeDump.Render(NotesParser.Parse(SourceText.From(input)));
        Assert.Equal(expected.ReplaceLineEndings("\n"), actual.ReplaceLineEndings("\n"));
    }
}
