using PaperLsp.Core.Collections;

namespace PaperLsp.Core.Tests.Collections;

public class CslJsonLoaderTests
{
    [Fact]
    public void Zotero_export_loads_items_with_their_lines()
    {
        var result = CollectionLoader.LoadText("library.json", CollectionsTestData.Read("collections/zotero.json"));

        Assert.Equal(["vaswani2017", "42", "report-without-identifier-2020"], result.Papers.Select(p => p.Key));
        var vaswani = result.Papers[0];
        Assert.Equal(("Attention Is All You Need", "2017", "1706.03762", 2), (vaswani.Title, vaswani.Year, vaswani.ArxivId, vaswani.Source.Line));
        Assert.Equal(["Ashish Vaswani", "Noam Shazeer"], vaswani.Authors.ToArray());
        Assert.Equal("article", vaswani.EntryType);

        var bert = result.Papers[1];
        Assert.Equal(("BERT: Pre-training of Deep Bidirectional Transformers", "2019", "Proceedings of NAACL", "10.18653/v1/N19-1423"),
            (bert.Title, bert.Year, bert.Venue, bert.Doi));
        Assert.Equal(["Google AI Language", "Ludwig van Beethoven"], bert.Authors.ToArray());
        Assert.True(result.Papers[2].KeyIsGenerated);

        Assert.Equal([("PN014", 27), ("PN010", 31)], result.Problems.Select(p => (p.Code, p.Line)).OrderBy(p => p.Line));
    }

    [Theory]
    [InlineData("[{\"id\": \"a\", \"title\": \"A\"},\n {\"id\": \"b\", \"title\": }]", 2, 1)]
    [InlineData("{\"items\": []}", 1, 0)]
    [InlineData("", 1, 0)]
    [InlineData("[{\"id\": \"a\", \"title\": \"A\"}", 1, 1)]
    public void Bad_json_is_one_PN015_and_no_crash(string json, int line, int papersBeforeTheError)
    {
        var result = CslJsonLoader.Load("bad.json", json);
        var problem = Assert.Single(result.Problems);
        Assert.Equal(("PN015", line), (problem.Code, problem.Line));
        Assert.Equal(papersBeforeTheError, result.Papers.Length);
    }
}
