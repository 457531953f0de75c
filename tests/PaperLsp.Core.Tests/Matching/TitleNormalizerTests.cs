using PaperLsp.Core.Matching;

namespace PaperLsp.Core.Tests.Matching;

/// <summary>FORMAT.md "Resolution": the normal form titles are compared in, one example per rule.</summary>
public sealed class TitleNormalizerTests
{
    [Theory]
    [InlineData("Nystr{\\\"o}mformer", "nystromformer")]
    [InlineData("Nystr\\\"omformer", "nystromformer")]
    [InlineData("Caf\\'e au lait", "cafe au lait")]
    [InlineData("Caf{\\'e}", "cafe")]
    [InlineData("Gar{\\c c}on", "garcon")]
    [InlineData("Gar{\\c{c}}on", "garcon")]
    [InlineData("The \\TeX{}book", "the texbook")]
    [InlineData("\\LaTeX\\ for Beginners", "latex for beginners")]
    [InlineData("50\\% Faster \\& Smaller", "50 faster smaller")]
    [InlineData("snake\\_case and \\$5 and C\\#", "snake case and 5 and c")]
    [InlineData("Pages 1--10 --- a Summary", "pages 1 10 a summary")]
    [InlineData("Donald~E.~Knuth", "donald e knuth")]
    [InlineData("{BERT}: Pre-training of {Deep} Transformers", "bert pre training of deep transformers")]
    [InlineData("  Hello,,,   World!!  ", "hello world")]
    [InlineData("ATTENTION is all YOU need", "attention is all you need")]
    [InlineData("Nyströmformer: A Nyström-Based Algorithm", "nystromformer a nystrom based algorithm")]
    [InlineData("Łojasiewicz, Straße, Æsir, Øresund", "lojasiewicz strasse aesir oresund")]
    [InlineData("ｆｕｌｌｗｉｄｔｈ ①", "fullwidth 1")]
    [InlineData("", "")]
    [InlineData("?!", "")]
    public void Normalize(string title, string expected) => Assert.Equal(expected, TitleNormalizer.Normalize(title));

    [Theory]
    [InlineData("[[nystromformer: a nystrom-based algorithm]]", "Nystr{\\\"o}mformer: A Nystr{\\\"o}m-Based Algorithm")]
    [InlineData("The TeXbook", "The \\TeX{}book")]
    [InlineData("garcon", "Gar\\c{c}on")]
    public void Typed_and_bibtex_titles_meet(string typed, string bibtex) =>
        Assert.Equal(TitleNormalizer.Normalize(bibtex), TitleNormalizer.Normalize(typed));

    [Theory]
    [InlineData("Self-Attention", "Self Attention")]
    [InlineData("Self–Attention", "Self Attention")]
    public void Fold_treats_dashes_as_word_breaks(string a, string b) =>
        Assert.Equal(TitleNormalizer.Fold(a), TitleNormalizer.Fold(b));
}
