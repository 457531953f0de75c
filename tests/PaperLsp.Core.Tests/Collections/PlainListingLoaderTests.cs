using PaperLsp.Core.Collections;

namespace PaperLsp.Core.Tests.Collections;

public class PlainListingLoaderTests
{
    [Fact]
    public void Sample_listing_yields_242_papers()
    {
        var path = CollectionsTestData.PathOf("corpus/hf-multitask-transformers.txt");
        var result = CollectionLoader.Load(path);

        Assert.Empty(result.Problems);
        Assert.Equal(242, result.Papers.Length);
        var first = result.Papers[0];
        Assert.Equal("Multi-task Active Learning for Pre-trained Transformer-based Models", first.Title);
        Assert.Equal(("multitask-active-learning", true, 3), (first.Key, first.KeyIsGenerated, first.Source.Line));
        Assert.StartsWith("Multi-task learning, in which several tasks are jointly learned", first.Abstract?.Read());
        Assert.EndsWith("minimize annotation efforts for multi-task NLP models.", first.Abstract?.Read());
        var last = result.Papers[^1];
        Assert.Equal("75 Languages, 1 Model: Parsing Universal Dependencies Universally", last.Title);
        Assert.EndsWith("Code for UDify is available at https://github.com/hyperparticle/udify.", last.Abstract?.Read());
        Assert.Equal(242, result.Papers.Select(p => p.Key).Distinct().Count());
    }

    [Fact]
    public void Blank_lines_are_skipped_and_a_last_title_may_lack_an_abstract()
    {
        var result = PlainListingLoader.Load("list.txt", "\nFirst Title\nFirst abstract.\n\n\r\nSecond Title\r\n");
        Assert.Equal([("First Title", "First abstract.", 2), ("Second Title", null, 6)],
            result.Papers.Select(p => (p.Title, p.Abstract?.Read(), p.Source.Line)));
    }
}
