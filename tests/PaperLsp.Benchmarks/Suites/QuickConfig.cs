using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace PaperLsp.Benchmarks.Suites;

/// <summary>
/// Few iterations and memory figures: the whole suite must run in minutes on a shared 2-core machine. In-process, so no
/// per-benchmark project build (which timed out at two minutes on the loaded machine).
/// </summary>
public sealed class QuickConfig : ManualConfig
{
    public QuickConfig()
    {
        AddJob(Job.ShortRun.WithWarmupCount(2).WithIterationCount(5).WithToolchain(InProcessEmitToolchain.Instance));
        AddDiagnoser(MemoryDiagnoser.Default);
    }
}
