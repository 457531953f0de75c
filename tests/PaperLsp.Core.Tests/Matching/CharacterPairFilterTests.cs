using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using PaperLsp.Core.Matching;

namespace PaperLsp.Core.Tests.Matching;

public sealed class CharacterPairFilterTests
{
    [Property(MaxTest = 300)]
    public Property A_substring_of_a_text_passes_the_texts_filter()
    {
        var text = Gen.Elements("attention is all you need", "nystromformer a nystrom based algorithm", "graph neural networks 2021", "zk snarks").ToArbitrary();
        return Prop.ForAll(text, Gen.Choose(0, 40).ToArbitrary(), Gen.Choose(1, 12).ToArbitrary(), (field, from, length) =>
        {
            from = Math.Min(from, field.Length - 1);
            var word = field.Substring(from, Math.Min(length, field.Length - from)).Split(' ')[0];
            var (low, high) = CharacterPairFilter.Of(field);
            var (wordLow, wordHigh) = CharacterPairFilter.Of(word);
            return (low & wordLow) == wordLow && (high & wordHigh) == wordHigh;
        });
    }

    [Fact]
    public void A_word_with_a_pair_the_text_lacks_is_rejected()
    {
        var (low, high) = CharacterPairFilter.Of("attention is all you need");
        var (wordLow, wordHigh) = CharacterPairFilter.Of("qz");

        Assert.False((low & wordLow) == wordLow && (high & wordHigh) == wordHigh);
    }

    [Fact]
    public void Pairs_across_a_space_are_left_out()
    {
        Assert.Equal(CharacterPairFilter.Of("ab") , CharacterPairFilter.Of("ab c"));
    }
}
