using BenchmarkDotNet.Attributes;
using PaperLsp.Core.Collections;

namespace PaperLsp.Benchmarks.Suites;

/// <summary>Building the merged index and its search structures from loaded papers.</summary>
[Config(typeof(SlowConfig))]
public class IndexBuildBenchmarks
{
    private CollectionLoadResult _papers = null!;

    [Params(10_000, 100_000)]
    public int Papers { get; set; }

    [GlobalSetup]
    public void Setup() => _papers = BenchmarkData.Papers(Papers);

    [Benchmark]
    public PaperIndex BuildIndex()
    {
        var index = PaperIndex.Build([_papers]);
        _ = index.SearchIndex;
        return index;
    }
}
