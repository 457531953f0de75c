using BenchmarkDotNet.Running;
using PaperLsp.Benchmarks.Generation;
using PaperLsp.Benchmarks.Measurement;

namespace PaperLsp.Benchmarks;

/// <summary>
/// <c>generate …</c> writes synthetic collections, <c>measure …</c> times a cold load/index/search in this process with
/// peak memory, anything else goes to BenchmarkDotNet (e.g. <c>--filter '*' --job short</c>).
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "generate")
        {
            return GenerateCommand.Run(args[1..]);
        }

        if (args.Length > 0 && args[0] == "measure")
        {
            return MeasureCommand.Run(args[1..]);
        }

        if (args.Length > 0 && args[0] == "completion-replay")
        {
            return CompletionReplayCommand.Run(args[1..]);
        }

        if (args.Length > 0 && args[0] == "diagnostics-pass")
        {
            return DiagnosticsPassCommand.Run(args[1..]);
        }

        if (args.Length > 0 && args[0] == "load-breakdown")
        {
            return LoadBreakdownCommand.Run(args[1..]);
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
