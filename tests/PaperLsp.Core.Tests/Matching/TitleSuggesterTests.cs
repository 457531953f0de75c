using System.Collections.Immutable;
using PaperLsp.Core.Matching;

namespace PaperLsp.Core.Tests.Matching;

public class TitleSuggesterTests
{
    private static readonly ImmutableArray<string> Titles =
    [
        "attention is all you need",
        "nystromformer a nystrom based algorithm for approximating self attention",
        "graph neural networks a review of methods and applications",
        "on random graphs i",
        "probabilistic encryption",
    ];

    [Theory]
    [InlineData("nystromformer a nystrom based algoritm for approximating attention", new[] { 1 })]
    [InlineData("atention is all you need", new[] { 0 })]
    [InlineData("graph neural network review", new[] { 2 })]
    [InlineData("completely unrelated words", new int[0])]
    public void Suggests_the_closest_titles(string query, int[] expected)
    {
        var suggester = new TitleSuggester(Titles);
        Assert.Equal(expected, suggester.Closest(query, 1));
        // Pooled counts are cleared after each call: asking again gives the same answer.
        Assert.Equal(expected, suggester.Closest(query, 1));
    }
}
