using PaperLsp.Core.Collections;

namespace PaperLsp.Core.Tests.Collections;

public class KeyGeneratorTests
{
    [Theory]
    [InlineData("Multi-task Active Learning for Pre-trained Transformer-based Models", "2023", "multitask-active-learning-2023")]
    [InlineData("The Art of the Deal", null, "art-deal")]
    [InlineData("Nyströmformer: A Nyström-Based Algorithm", null, "nystromformer-nystrombased-algorithm")]
    [InlineData("Straße und Œuvre", "1999", "strasse-und-oeuvre-1999")]
    [InlineData("On the", null, "on-the")]
    [InlineData("注意力", null, "paper")]
    public void Keys_are_readable_folded_words(string title, string? year, string expected)
    {
        Assert.Equal(expected, KeyGenerator.Stem(title, year));
    }

    [Fact]
    public void Collisions_get_suffixes_and_taken_keys_are_avoided()
    {
        var generator = new KeyGenerator(["deep-learning"]);
        Assert.Equal(["deep-learning-2", "deep-learning-3", "shallow-learning"],
            new[] { "Deep Learning", "Deep learning", "Shallow Learning" }.Select(t => generator.Generate(t)));
    }

    [Fact]
    public void Keys_an_index_already_resolves_are_avoided_as_taken_keys_are()
    {
        var index = PaperIndex.Build([new CollectionLoadResult("/refs.bib", [new Paper { Key = "deep-learning", Title = "Deep Learning", Source = new SourceLocation("/refs.bib", 1) }], [])]);
        var generator = new KeyGenerator(index.HasKey);
        Assert.Equal(["deep-learning-2", "deep-learning-3", "shallow-learning"],
            new[] { "Deep Learning", "Deep learning", "Shallow Learning" }.Select(t => generator.Generate(t)));
    }

    [Fact]
    public void Keys_are_stable_across_reloads()
    {
        const string listing = "Same Title\nabstract\nSame Title\nabstract\n";
        var first = PlainListingLoader.Load("a.txt", listing).Papers.Select(p => p.Key);
        var second = PlainListingLoader.Load("a.txt", listing).Papers.Select(p => p.Key);
        Assert.Equal(["same-title", "same-title-2"], first);
        Assert.Equal(first, second);
    }
}
