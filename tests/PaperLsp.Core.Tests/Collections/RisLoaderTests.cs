using PaperLsp.Core.Collections;

namespace PaperLsp.Core.Tests.Collections;

public class RisLoaderTests
{
    [Fact]
    public void Ris_records_load_with_problems_for_malformed_lines()
    {
        var result = CollectionLoader.LoadText("export.ris", CollectionsTestData.Read("collections/mendeley.ris"));

        Assert.Equal(["smith2020", "multitask-active-learning-2022", "book-without-end"], result.Papers.Select(p => p.Key));
        var smith = result.Papers[0];
        Assert.Equal(["John Smith", "Jane Doe"], smith.Authors.ToArray());
        Assert.Equal(("Deep Learning for Everything", "2020", "Journal of Things", "10.1000/xyz123", 1),
            (smith.Title, smith.Year, smith.Venue, smith.Doi, smith.Source.Line));
        Assert.Equal("We study everything and continue on a wrapped line.", smith.Abstract?.Read());
        Assert.Equal("jour", smith.EntryType);

        var rotman = result.Papers[1];
        Assert.Equal(("Transactions of the ACL", "2208.05379", "2022", true), (rotman.Venue, rotman.ArxivId, rotman.Year, rotman.KeyIsGenerated));

        Assert.Equal([("PN010", 21), ("PN014", 22), ("PN010", 25)], result.Problems.Select(p => (p.Code, p.Line)).OrderBy(p => p.Line));
    }

    [Fact]
    public void Crlf_line_endings_are_tolerated()
    {
        var result = CollectionLoader.LoadText("win.ris", "TY  - JOUR\r\nTI  - Windows Line Endings\r\nPY  - 1999\r\nER  - \r\n");
        var paper = Assert.Single(result.Papers);
        Assert.Equal(("Windows Line Endings", "1999"), (paper.Title, paper.Year));
        Assert.Empty(result.Problems);
    }
}
