using PaperLsp.Core.Collections;

namespace PaperLsp.Core.Tests.Collections;

public class CollectionLoaderTests
{
    [Fact]
    public void A_missing_file_is_a_PN015_problem()
    {
        var result = CollectionLoader.Load(Path.Combine(Path.GetTempPath(), "no-such-dir-paperlsp", "refs.bib"));
        Assert.Empty(result.Papers);
        Assert.Equal("PN015", Assert.Single(result.Problems).Code);
    }

    [Fact]
    public void An_unknown_extension_is_a_PN015_problem()
    {
        Assert.Equal("PN015", Assert.Single(CollectionLoader.LoadText("refs.docx", "x").Problems).Code);
    }

    [Theory]
    [InlineData("refs.bib", "@misc{k, title = {T}}")]
    [InlineData("refs.BIB", "@misc{k, title = {T}}")]
    [InlineData("refs.csl.json", "[{\"id\": \"k\", \"title\": \"T\"}]")]
    [InlineData("refs.ris", "TY  - GEN\nID  - k\nTI  - T\nER  - \n")]
    public void The_extension_chooses_the_loader(string path, string content)
    {
        var paper = Assert.Single(CollectionLoader.LoadText(path, content).Papers);
        Assert.Equal(("k", "T"), (paper.Key, paper.Title));
    }

    [Fact]
    public void Bom_is_accepted_and_invalid_utf8_is_replaced_with_one_problem()
    {
        var directory = Directory.CreateTempSubdirectory("paperlsp-collections-");
        try
        {
            var bom = Path.Combine(directory.FullName, "bom.bib");
            File.WriteAllBytes(bom, [0xEF, 0xBB, 0xBF, .. "@misc{k, title = {Caf\\'e}}"u8]);
            var withBom = CollectionLoader.Load(bom);
            Assert.Empty(withBom.Problems);
            Assert.Equal("Café", Assert.Single(withBom.Papers).Title);

            var invalid = Path.Combine(directory.FullName, "bad.bib");
            File.WriteAllBytes(invalid, [.. "@misc{k,\n title = {Bad "u8, 0xFF, 0xFE, .. " bytes}}"u8]);
            var withInvalid = CollectionLoader.Load(invalid);
            Assert.Equal("Bad \uFFFD\uFFFD bytes", Assert.Single(withInvalid.Papers).Title);
            var problem = Assert.Single(withInvalid.Problems);
            Assert.Equal(("PN015", 2), (problem.Code, problem.Line));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
