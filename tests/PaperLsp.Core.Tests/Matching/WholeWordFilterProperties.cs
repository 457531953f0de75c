using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using PaperLsp.Core.Matching;

namespace PaperLsp.Core.Tests.Matching;

/// <summary>
/// The search bounds a word that is no whole word of a paper by a word prefix's score, trusting the paper's
/// <see cref="WholeWordFilter"/>: a whole word it left out would be ranked too low. So every whole word of the text must
/// pass its filter; a word that is only part of one may or may not.
/// </summary>
public sealed class WholeWordFilterProperties
{
    private static Gen<string> Text { get; } =
        Gen.Elements("attention", "att", "graph", "a", "2021", "λ", "café", " ", " ", "\u0001").ArrayOf().Select(parts => string.Concat(parts));

    [Property(MaxTest = 1000)]
    public Property Every_whole_word_passes_the_filter() =>
        Prop.ForAll(Text.ToArbitrary(), text =>
        {
            var filter = WholeWordFilter.Of(text);
            foreach (var word in text.Split([' ', '\u0001'], StringSplitOptions.RemoveEmptyEntries))
            {
                var bits = WholeWordFilter.Bits(word);
                Assert.True((filter & bits) == bits, $"'{word}' of '{text}'");
            }
        });

    [Fact]
    public void A_word_of_none_of_the_fields_is_mostly_ruled_out()
    {
        var filter = WholeWordFilter.Of("towards optimal edge devices\u0001smith2020\u0001john smith");

        var ruledOut = new[] { "towa", "toward", "optim", "edg", "device", "smit", "jo", "2020" }.Count(word => (filter & WholeWordFilter.Bits(word)) != WholeWordFilter.Bits(word));

        Assert.True(ruledOut >= 6, $"{ruledOut} of 8 ruled out");
    }
}
