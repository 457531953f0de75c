using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using PaperLsp.Core.Text;

namespace PaperLsp.Core.Tests.Text;

/// <summary><see cref="SourceText.WithChanges"/> applies LSP incremental edits in order, each on the previous result.</summary>
public sealed class SourceTextProperties
{
    /// <summary>An edit as fractions of the current text, so it stays valid whatever the earlier edits did.</summary>
    private static readonly Gen<(double Start, double Length, string NewText)> Edits =
        from start in Gen.Choose(0, 1000)
        from length in Gen.Choose(0, 1000)
        from newText in TextGenerators.WithLineBreaks
        select (start / 1000.0, length / 1000.0, newText);

    private static readonly Gen<(string Text, (double Start, double Length, string NewText)[] Edits)> Cases =
        from text in TextGenerators.WithLineBreaks
        from edits in Edits.ArrayOf()
        select (text, edits);

    [Property(MaxTest = 500)]
    public Property Sequential_changes_equal_string_splicing() =>
        Prop.ForAll(Cases.ToArbitrary(), testCase =>
        {
            var expected = testCase.Text;
            var changes = new List<TextChange>();
            foreach (var (startFraction, lengthFraction, newText) in testCase.Edits)
            {
                var start = (int)(startFraction * expected.Length);
                var length = (int)(lengthFraction * (expected.Length - start));
                changes.Add(new TextChange(new TextSpan(start, length), newText));
                expected = expected[..start] + newText + expected[(start + length)..];
            }

            var actual = SourceText.From(testCase.Text).WithChanges(changes);

            Assert.Equal(expected, actual.Text);
            Assert.Equal(new LineIndex(expected).LineCount, actual.Lines.LineCount);
            return true;
        });

    [Fact]
    public void Changes_apply_in_order_each_on_the_previous_result()
    {
        var text = SourceText.From("Hello world").WithChanges(
        [
            new TextChange(new TextSpan(0, 5), "Goodbye"), // "Goodbye world"
            new TextChange(new TextSpan(8, 5), "moon"), // offsets of the text the first change produced
        ]);

        Assert.Equal("Goodbye moon", text.Text);
    }

    [Fact]
    public void Byte_order_mark_is_stripped()
    {
        Assert.Equal("x", SourceText.From("\uFEFFx").Text);
        Assert.Equal("x\uFEFF", SourceText.From("x\uFEFF").Text);
    }
}
