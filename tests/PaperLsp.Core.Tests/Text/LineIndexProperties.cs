using System.Text;
using System.Text.RegularExpressions;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using PaperLsp.Core.Text;

namespace PaperLsp.Core.Tests.Text;

/// <summary>Invariants of <see cref="LineIndex"/> on texts mixing CR, LF, CR LF, emoji and lone surrogates.</summary>
public sealed class LineIndexProperties
{
    private static readonly Arbitrary<string> Texts = TextGenerators.WithLineBreaks.ToArbitrary();

    [Property(MaxTest = 500)]
    public Property Lines_are_the_text_split_at_every_kind_of_line_break() =>
        Prop.ForAll(Texts, text =>
        {
            var index = new LineIndex(text);
            var expected = Regex.Split(text, "\r\n|\r|\n");
            var actual = Enumerable.Range(0, index.LineCount).Select(line => text.Substring(index.LineSpan(line).Start, index.LineSpan(line).Length));
            Assert.Equal(expected, actual);
            return true;
        });

    [Property(MaxTest = 500)]
    public Property Offset_to_position_to_offset_round_trips_except_inside_crlf() =>
        Prop.ForAll(Texts, text =>
        {
            var index = new LineIndex(text);
            for (var offset = 0; offset <= text.Length; offset++)
            {
                if (IsInsideCrLf(text, offset))
                {
                    continue;
                }

                Assert.Equal(offset, index.GetOffset(index.GetPosition(offset)));
            }

            return true;
        });

    [Property(MaxTest = 500)]
    public Property Position_to_offset_to_position_round_trips_within_lines() =>
        Prop.ForAll(Texts, text =>
        {
            var index = new LineIndex(text);
            for (var line = 0; line < index.LineCount; line++)
            {
                for (var column = 0; column <= index.LineSpan(line).Length; column++)
                {
                    var position = new LinePosition(line, column);
                    Assert.Equal(position, index.GetPosition(index.GetOffset(position)));
                }
            }

            return true;
        });

    [Property(MaxTest = 500)]
    public Property Utf8_column_round_trips_except_inside_a_surrogate_pair() =>
        Prop.ForAll(Texts, text =>
        {
            var index = new LineIndex(text);
            for (var offset = 0; offset <= text.Length; offset++)
            {
                if (IsInsideCrLf(text, offset) || IsInsideSurrogatePair(text, offset))
                {
                    continue;
                }

                var position = index.GetPosition(offset);
                var start = index.LineStart(position.Line);
                Assert.Equal(Encoding.UTF8.GetByteCount(text.AsSpan(start, offset - start)), index.Utf8Column(offset));
                Assert.Equal(offset, index.OffsetFromUtf8(position.Line, index.Utf8Column(offset)));
            }

            return true;
        });

    [Theory]
    [InlineData("", 0, "0:0")]
    [InlineData("a\r\nb", 3, "1:0")]
    [InlineData("a\r\nb", 1, "0:1")]
    [InlineData("a\rb", 2, "1:0")]
    [InlineData("😀x\ny", 2, "0:2")]
    [InlineData("x\n", 2, "1:0")]
    [InlineData("x", 99, "0:1")]
    public void Position_of_offset(string text, int offset, string expected) =>
        Assert.Equal(expected, new LineIndex(text).GetPosition(offset).ToString());

    [Theory]
    [InlineData("ab\r\ncd", 0, 99, 2)] // a column past the line's end clamps before the break
    [InlineData("ab\r\ncd", 5, 0, 6)] // a line past the end gives the text's end
    [InlineData("ab\r\ncd", -1, 3, 0)]
    public void Offset_of_position(string text, int line, int column, int expected) =>
        Assert.Equal(expected, new LineIndex(text).GetOffset(new LinePosition(line, column)));

    private static bool IsInsideCrLf(string text, int offset) =>
        offset > 0 && offset < text.Length && text[offset - 1] == '\r' && text[offset] == '\n';

    private static bool IsInsideSurrogatePair(string text, int offset) =>
        offset > 0 && offset < text.Length && char.IsHighSurrogate(text[offset - 1]) && char.IsLowSurrogate(text[offset]);
}
