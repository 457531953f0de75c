using BenchmarkDotNet.Attributes;
using PaperLsp.Core.Collections;

namespace PaperLsp.Benchmarks.Suites;

/// <summary>Completion's ranking: the top 100 of a fuzzy search, for the queries people type.</summary>
[Config(typeof(QuickConfig))]
public class RankBenchmarks
{
    private PaperIndex _index = PaperIndex.Empty;

    [Params(10_000, 100_000)]
    public int Papers { get; set; }

    [Params("nystromformer", "attention", "graph neural", "xiong 2021", "a", "z")]
    public string Query { get; set; } = string.Empty;

    [GlobalSetup]
    public void Setup() => _index = BenchmarkData.Index(Papers);

    [Benchmark]
    public int SearchTop100()
    {
        // A repeated query would reuse the matches of the one before (as a keystroke extending it does).
        _index.SearchIndex.ForgetLastMatches();
        return _index.Search(Query, 100).Count;
    }
}
