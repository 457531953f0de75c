using PaperLsp.Core.Matching;

namespace PaperLsp.Core.Tests.Matching;

public sealed class FuzzyScorerTests
{
    [Theory]
    [InlineData("attention", "attention is all you need", FuzzyScorer.WholeWord)]
    [InlineData("atten", "attention is all you need", FuzzyScorer.WordPrefix)]
    [InlineData("ention", "attention is all you need", FuzzyScorer.Substring)]
    public void Tiers_whole_word_then_prefix_then_substring(string word, string field, int tier)
    {
        var score = FuzzyScorer.Score(word, field);

        Assert.InRange(score, tier, tier + 299);
    }

    [Theory]
    [InlineData("nystromf", "spectformer frequency and attention is what you need in a vision transformer")]
    [InlineData("nystromf", "a new york study of transformers on memory footprints")]
    [InlineData("qz", "quantum computing with a lattice of zeros")]
    public void Letters_scattered_over_a_title_are_not_a_match(string word, string field)
    {
        Assert.Equal(0, FuzzyScorer.Score(word, field));
    }

    [Theory]
    [InlineData("trnsfrmr", "vision transformer adapters")]
    [InlineData("mltask", "multi task learning")]
    [InlineData("aiayn", "attention is all you need")]
    [InlineData("gnn", "graph neural networks for molecules")]
    [InlineData("mtl", "an analysis of multi task learning")]
    public void Tight_subsequences_and_initials_match_below_the_substring_tier(string word, string field)
    {
        Assert.InRange(FuzzyScorer.Score(word, field), 1, FuzzyScorer.Substring - 1);
    }

    [Fact]
    public void A_tight_window_later_in_the_field_is_found_after_a_scattered_first_one()
    {
        // The greedy first window runs from "good" to the far "nn"; the tight one is in "gonna".
        var field = "good " + new string('x', 30) + " nn and gonna";

        Assert.Equal(FuzzyScorer.Score("gnn", "gonna"), FuzzyScorer.Score("gnn", field));
    }

    [Fact]
    public void Word_starts_and_consecutive_letters_score_higher()
    {
        var atWordStarts = FuzzyScorer.Score("mtl", "multi task learning");
        var inside = FuzzyScorer.Score("mtl", "smartly");

        Assert.True(atWordStarts > inside, $"{atWordStarts} <= {inside}");
    }
}
