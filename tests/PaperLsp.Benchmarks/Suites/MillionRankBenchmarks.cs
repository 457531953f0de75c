using BenchmarkDotNet.Attributes;
using PaperLsp.Core.Collections;

namespace PaperLsp.Benchmarks.Suites;

/// <summary>The ranking at a million papers; slow to set up, so only run when asked (<c>--filter '*Million*'</c>).</summary>
[Config(typeof(QuickConfig))]
public class MillionRankBenchmarks
{
    private PaperIndex _index = PaperIndex.Empty;

    [Params("nystromformer", "attention", "graph neural", "xiong 2021", "a")]
    public string Query { get; set; } = string.Empty;

    [GlobalSetup]
    public void Setup() => _index = BenchmarkData.Index(1_000_000);

    [Benchmark]
    public int SearchTop100Million()
    {
        // A repeated query would reuse the matches of the one before (as a keystroke extending it does).
        _index.SearchIndex.ForgetLastMatches();
        return _index.Search(Query, 100).Count;
    }
}
