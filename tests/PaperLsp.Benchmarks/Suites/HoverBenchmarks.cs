using BenchmarkDotNet.Attributes;
using PaperLsp.Benchmarks.Generation;
using PaperLsp.Core.Collections;
using PaperLsp.Core.Features.Presentation;

namespace PaperLsp.Benchmarks.Suites;

/// <summary>What hover does once the reference is found: resolve by key or by title, render the paper as markdown.</summary>
[Config(typeof(QuickConfig))]
public class HoverBenchmarks
{
    private PaperIndex _index = PaperIndex.Empty;

    [Params(10_000, 100_000)]
    public int Papers { get; set; }

    [GlobalSetup]
    public void Setup() => _index = BenchmarkData.Index(Papers);

    [Benchmark]
    public string HoverByKey() => PaperMarkdown.Describe(_index.FindByKey("xiong2021nystromformer")!);

    [Benchmark]
    public string HoverByTitle() => PaperMarkdown.Describe(_index.FindByTitle("nystromformer: a nystrom-based algorithm for approximating self-attention")!);

    [Benchmark]
    public IReadOnlyList<Paper> DidYouMean() => _index.ClosestTitles(SyntheticCollection.Known[0].Title.Unicode + " extra", 5);
}
