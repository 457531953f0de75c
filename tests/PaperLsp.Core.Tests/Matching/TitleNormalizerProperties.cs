using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using PaperLsp.Core.Matching;

namespace PaperLsp.Core.Tests.Matching;

public class TitleNormalizerProperties
{
    /// <summary>ASCII text takes a fast path; a trailing combining mark (dropped by folding) sends the same text down the general one.</summary>
    [Property(MaxTest = 300)]
    public Property Ascii_fast_path_folds_as_the_general_path_does()
    {
        var ascii = Gen.Elements("Ab Z-9: x_y  .,'\"{}\\é".Where(c => c < 128).ToArray()).ArrayOf().Select(cs => new string(cs));
        return Prop.ForAll(ascii.ToArbitrary(), text => TitleNormalizer.Fold(text) == TitleNormalizer.Fold(text + "\u0301"));
    }

    [Theory]
    [InlineData("Attention Is All You Need", "attention is all you need")]
    [InlineData("  --Graph  Neural_Networks!! ", "graph neural networks")]
    [InlineData("Nyströmformer: A Nyström-Based Algorithm", "nystromformer a nystrom based algorithm")]
    public void Folds(string text, string expected) => Assert.Equal(expected, TitleNormalizer.Fold(text));
}
