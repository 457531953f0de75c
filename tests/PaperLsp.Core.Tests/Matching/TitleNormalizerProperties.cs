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

    /// <summary>The search index folds author lists name by name (each distinct name once): the same as folding the joined list.</summary>
    [Property(MaxTest = 300)]
    public Property Folding_names_apart_then_joining_them_is_folding_the_joined_names()
    {
        var name = Gen.Elements("Jérôme Sato", "Peña", "Erdős", "Łukasiewicz", "—", "", " ", "\u0301x", "ß", "O'Neil-Smith", "x\u0301", "İ", "ǅ", "\ud800").ToArbitrary();
        return Prop.ForAll(Gen.ArrayOf(name.Generator).ToArbitrary(), names =>
        {
            var unescaped = names.Select(n => System.Text.RegularExpressions.Regex.Unescape(n)).ToArray();
            var cache = new Dictionary<string, string>();
            return TitleNormalizer.FoldJoined(unescaped, cache) == TitleNormalizer.Fold(string.Join(' ', unescaped))
                && TitleNormalizer.FoldJoined(unescaped, cache) == TitleNormalizer.Fold(string.Join(' ', unescaped));
        });
    }

    [Theory]
    [InlineData("Attention Is All You Need", "attention is all you need")]
    [InlineData("  --Graph  Neural_Networks!! ", "graph neural networks")]
    [InlineData("Nyströmformer: A Nyström-Based Algorithm", "nystromformer a nystrom based algorithm")]
    public void Folds(string text, string expected) => Assert.Equal(expected, TitleNormalizer.Fold(text));
}
