using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using PaperLsp.Core.Matching;

namespace PaperLsp.Core.Tests.Matching;

/// <summary>
/// <see cref="FuzzyScorer.IsSubsequence"/> and <see cref="FuzzyScorer.MatchesAsSubsequence"/> decide which fields are
/// scored at all, so they must say yes exactly when the letters occur in order / when the subsequence scoring finds a
/// tight window or initials: a wrong "no" would drop a paper the reference ranks. Fields of every length up to past the
/// 128 characters they compare bit-parallel, over a small alphabet so that both answers are common.
/// </summary>
public sealed class SubsequenceFilterProperties
{
    private static Gen<string> Text(int maxLength) =>
        Gen.Choose(0, maxLength).SelectMany(length => Gen.Elements('a', 'b', 'c', 'n', ' ').ArrayOf(length)).Select(chars => new string(chars));

    private static bool InOrder(string word, string field)
    {
        var matched = 0;
        foreach (var c in field)
        {
            if (matched < word.Length && c == word[matched])
            {
                matched++;
            }
        }

        return matched == word.Length;
    }

    [Property(MaxTest = 2000)]
    public Property Says_yes_exactly_when_the_letters_occur_in_order() =>
        Prop.ForAll(Text(6).Where(w => !w.Contains(' ')).ToArbitrary(), Text(150).ToArbitrary(), (word, field) =>
            FuzzyScorer.IsSubsequence(word, field) == InOrder(word, field));

    [Property(MaxTest = 3000)]
    public Property Matches_exactly_when_the_subsequence_scoring_finds_a_tight_window_or_initials() =>
        Prop.ForAll(Text(9).Where(w => !w.Contains(' ')).ToArbitrary(), Text(150).ToArbitrary(), (word, field) =>
            FuzzyScorer.MatchesAsSubsequence(word, field) == (word.Length > 0 && field.Length >= word.Length && FuzzyScorer.Subsequence(word, field) > 0));

    [Theory]
    [InlineData("nystromf", "spectformer frequency and attention is what you need in a vision transformer", false)]
    [InlineData("gnn", "good xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx nn and gonna", true)]
    [InlineData("aiayn", "attention is all you need for a long enough field", true)]
    [InlineData("aiayn", "attention is all your xeed for a long enough field", false)]
    [InlineData("trnsfrmr", "vision transformer adapters", true)]
    public void Scattered_letters_do_not_match_a_tight_window_or_initials_do(string word, string field, bool matches)
    {
        Assert.Equal(matches, FuzzyScorer.MatchesAsSubsequence(word, field));
        Assert.Equal(matches, FuzzyScorer.NotSubstring(word, field) > 0);
    }

    [Property(MaxTest = 500)]
    public Property A_word_taken_from_a_field_in_order_is_found_wherever_it_lies() =>
        Prop.ForAll(Text(150).ToArbitrary(), Gen.Choose(0, 1 << 30).ToArbitrary(), (field, seed) =>
        {
            var random = new Random(seed);
            var word = new string(field.Where(c => c != ' ' && random.Next(8) == 0).ToArray());
            return FuzzyScorer.IsSubsequence(word, field);
        });

    [Theory]
    [InlineData(16)]
    [InlineData(63)]
    [InlineData(64)]
    [InlineData(65)]
    [InlineData(80)]
    [InlineData(127)]
    [InlineData(128)]
    [InlineData(129)]
    public void Letters_at_the_block_edges_count(int length)
    {
        // Letters at the first and last characters and at the 65th, where the bit-parallel comparison changes words.
        var field = Enumerable.Repeat('x', length).ToArray();
        field[0] = 'a';
        field[Math.Min(64, length - 2)] = 'b';
        field[length - 1] = 'c';
        var text = new string(field);

        Assert.True(FuzzyScorer.IsSubsequence("abc", text));
        Assert.True(FuzzyScorer.IsSubsequence("c", text));
        Assert.False(FuzzyScorer.IsSubsequence("ca", text));
        Assert.False(FuzzyScorer.IsSubsequence("cc", text));
    }
    [Theory]
    [InlineData(16)]
    [InlineData(31)]
    [InlineData(32)]
    [InlineData(33)]
    [InlineData(64)]
    [InlineData(65)]
    [InlineData(97)]
    [InlineData(128)]
    [InlineData(129)]
    public void Letters_at_the_block_edges_count_in_bytes(int length)
    {
        // The byte form compares 32 characters at a time (16 below 32): letters at the first and last bytes and the 33rd and 65th.
        var field = Enumerable.Repeat((byte)'x', length).ToArray();
        field[0] = (byte)'a';
        field[Math.Min(32, length - 3)] = (byte)'b';
        field[Math.Min(64, length - 2)] = (byte)'n';
        field[length - 1] = (byte)'c';

        Assert.True(FuzzyScorer.IsSubsequence<byte>("abnc"u8, field));
        Assert.True(FuzzyScorer.IsSubsequence<byte>("c"u8, field));
        Assert.False(FuzzyScorer.IsSubsequence<byte>("ca"u8, field));
        Assert.False(FuzzyScorer.IsSubsequence<byte>("cc"u8, field));
    }

    [Property(MaxTest = 3000)]
    public Property A_word_that_is_no_substring_scores_at_most_its_subsequence_bound() =>
        Prop.ForAll(Text(9).Where(w => w.Length > 0 && !w.Contains(' ')).ToArbitrary(), Text(150).ToArbitrary(), (word, field) =>
            field.Contains(word, StringComparison.Ordinal) || FuzzyScorer.Score(word, field) <= FuzzyScorer.SubsequenceBound(word.Length));

    [Fact]
    public void Initials_reach_the_subsequence_bound()
    {
        Assert.Equal(FuzzyScorer.SubsequenceBound(5), FuzzyScorer.Score("aiayn", "attention is all you need"));
    }
}
