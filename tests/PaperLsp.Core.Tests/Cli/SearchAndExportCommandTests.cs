using Newtonsoft.Json.Linq;

namespace PaperLsp.Core.Tests.Cli;

public sealed class SearchAndExportCommandTests
{
    [Fact]
    public void Search_over_the_sample_puts_nystromformer_first()
    {
        var run = CommandRun.Start(RepositoryRoot.Examples, "search", "nystromformer", "--collection", "papers.txt");

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("Nyströmformer: A Nyström-Based Algorithm for Approximating Self-Attention  (", run.Output);
    }

    [Fact]
    public void Search_uses_paperlsp_json_when_no_collection_is_given_and_limits_the_results()
    {
        var run = CommandRun.Start(RepositoryRoot.Examples, "search", "transformer", "--limit", "3", "--format", "json");

        var items = JArray.Parse(run.Output);
        Assert.Equal(3, items.Count);
        Assert.All(items, item => Assert.Contains("transformer", item["title"]!.Value<string>()!, StringComparison.OrdinalIgnoreCase));
        Assert.True(items[0]["score"]!.Value<int>() >= items[2]["score"]!.Value<int>());
    }

    [Theory]
    [InlineData("text")]
    [InlineData("json")]
    public void Search_prints_the_same_from_a_warm_cache_as_without_the_cache(string format)
    {
        using var folder = new TemporaryFolder();
        folder.Write("many.bib", Cache.ManyPapers.Bib(1_000));
        var withCache = new Dictionary<string, string?> { ["PAPERLSP_CACHE_DIR"] = Path.Combine(folder.Path, "cache") };
        var withoutCache = new Dictionary<string, string?> { ["PAPERLSP_CACHE"] = "off" };

        foreach (var query in new[] { "attention", "graph neural", "nystromformer", "secure lattice", "" })
        {
            string[] args = ["search", query, "--collection", "many.bib", "--limit", "100", "--format", format];
            var parsed = CommandRun.StartWith(withoutCache, folder.Path, args);
            var cold = CommandRun.StartWith(withCache, folder.Path, args);
            var warm = CommandRun.StartWith(withCache, folder.Path, args);

            Assert.Equal(0, parsed.ExitCode);
            Assert.NotEqual(string.Empty, parsed.Output.Trim());
            Assert.Equal(parsed.Output, cold.Output);
            Assert.Equal(parsed.Output, warm.Output);
            Assert.Equal((0, 0), (cold.ExitCode, warm.ExitCode));
        }

        Assert.NotEmpty(Directory.GetFiles(Path.Combine(folder.Path, "cache"), "collections-v*.db"));
    }

    [Fact]
    public void Export_of_the_biblatex_test_database_has_one_item_per_titled_entry_with_unicode_titles()
    {
        var bib = Path.Combine(AppContext.BaseDirectory, "TestData", "corpus", "biblatex-examples.bib");
        var run = CommandRun.Start(RepositoryRoot.Path, "export", bib);

        var items = JArray.Parse(run.Output);
        // Every entry of the file has a title except the two @set entries, which only group others.
        var entries = System.Text.RegularExpressions.Regex.Matches(File.ReadAllText(bib), @"^@(?!string\b|comment\b|preamble\b|set\b)\w+\s*\{", System.Text.RegularExpressions.RegexOptions.Multiline | System.Text.RegularExpressions.RegexOptions.IgnoreCase).Count;
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(90, entries);
        Assert.Equal(entries, items.Count);
        var titles = items.Select(i => i["title"]!.Value<string>()!).ToList();
        Assert.Contains(titles, t => t.StartsWith("Intention und Intentionalität", StringComparison.Ordinal));
        Assert.Contains("The TeXbook", titles);
        Assert.All(items, i => Assert.False(string.IsNullOrEmpty(i["id"]!.Value<string>())));
        Assert.DoesNotContain(titles, t => t.Contains('\\') || t.Contains('{'));
    }

    [Fact]
    public void Export_writes_csl_json_fields_for_a_bibtex_entry()
    {
        using var folder = new TemporaryFolder();
        folder.Write("refs.bib", "@article{xiong2021, title = {Nystr{\\\"o}mformer}, author = {Xiong, Yunyang and van der Berg, Jan}, journal = {AAAI}, year = 2021, doi = {10.1/x}, abstract = {Short.}}\n");

        var run = CommandRun.Start(folder.Path, "export", "refs.bib");

        var item = (JObject)JArray.Parse(run.Output).Single();
        Assert.Equal("xiong2021", item["id"]!.Value<string>());
        Assert.Equal("article-journal", item["type"]!.Value<string>());
        Assert.Equal("Nyströmformer", item["title"]!.Value<string>());
        Assert.Equal("Xiong", item["author"]![0]!["family"]!.Value<string>());
        Assert.Equal("Yunyang", item["author"]![0]!["given"]!.Value<string>());
        Assert.Equal("Berg", item["author"]![1]!["family"]!.Value<string>());
        Assert.Equal("van der", item["author"]![1]!["non-dropping-particle"]!.Value<string>());
        Assert.Equal(2021, item["issued"]!["date-parts"]![0]![0]!.Value<int>());
        Assert.Equal("AAAI", item["container-title"]!.Value<string>());
        Assert.Equal("10.1/x", item["DOI"]!.Value<string>());
        Assert.Equal("Short.", item["abstract"]!.Value<string>());
    }

    [Fact]
    public void Export_to_a_file_writes_it_whole()
    {
        using var folder = new TemporaryFolder();
        folder.Write("refs.bib", "@book{k, title = {The {\\TeX}book}}\n");

        var run = CommandRun.Start(folder.Path, "export", "refs.bib", "--output", "out.json");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("The TeXbook", JArray.Parse(File.ReadAllText(Path.Combine(folder.Path, "out.json")))[0]!["title"]!.Value<string>());
        Assert.Equal("Wrote 1 paper to out.json\n", run.Error);
    }

    [Fact]
    public void Version_and_help_exit_0()
    {
        var version = CommandRun.Start(RepositoryRoot.Path, "--version");
        var help = CommandRun.Start(RepositoryRoot.Path, "--help");

        Assert.Equal(0, version.ExitCode);
        Assert.Matches(@"^\d+\.\d+\.\d+", version.Output);
        Assert.Equal(0, help.ExitCode);
        Assert.Contains("check", help.Output);
        Assert.Contains("search", help.Output);
        Assert.Contains("export", help.Output);
        Assert.Contains("serve", help.Output);
    }
}
