using BenchmarkDotNet.Attributes;
using PaperLsp.Core.Collections;

namespace PaperLsp.Benchmarks.Suites;

/// <summary>Loading a generated .bib (10,063 @string macros, then N entries with abstracts) from disk.</summary>
[Config(typeof(SlowConfig))]
public class LoadBenchmarks
{
    private string _path = string.Empty;

    [Params(10_000, 100_000)]
    public int Papers { get; set; }

    [GlobalSetup]
    public void Setup() => _path = BenchmarkData.CollectionFile(Papers, "bib");

    [Benchmark]
    public CollectionLoadResult LoadBib() => CollectionLoader.Load(_path);
}
