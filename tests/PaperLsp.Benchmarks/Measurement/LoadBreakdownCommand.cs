using System.Diagnostics;
using PaperLsp.Core.Collections;

namespace PaperLsp.Benchmarks.Measurement;

/// <summary><c>load-breakdown --collection FILE.bib</c>: where loading a .bib spends its time (read, scan, crossref scan, parse, papers).
/// "read" and "parse" go through a whole-file string (the public text API); "scan" and "load" stream the file.</summary>
public static class LoadBreakdownCommand
{
    public static int Run(IReadOnlyList<string> args)
    {
        var path = CommandOptions.Parse(args).String("collection", string.Empty);
        var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        string Cpu()
        {
            process.Refresh();
            var used = process.TotalProcessorTime - cpu;
            cpu = process.TotalProcessorTime;
            return $"\tcpu {used.TotalMilliseconds:F0} ms";
        }

        var watch = Stopwatch.StartNew();
        var text = File.ReadAllText(path);
        Console.WriteLine($"read\t{watch.Elapsed.TotalMilliseconds:F0} ms{Cpu()}");
        watch.Restart();
        var chunks = new BibTexChunkReader(File.OpenRead(path)).ReadChunks().Count();
        Console.WriteLine($"scan\t{watch.Elapsed.TotalMilliseconds:F0} ms\t{chunks} chunks{Cpu()}");
        watch.Restart();
        using (var stream = File.OpenRead(path))
        {
            var targets = BibTexCrossrefTargets.Scan(stream);
            Console.WriteLine($"crossref scan\t{watch.Elapsed.TotalMilliseconds:F0} ms\t{targets?.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "unreadable"} keys{Cpu()}");
        }

        watch.Restart();
        var document = BibTexParser.Parse(path, text);
        Console.WriteLine($"parse\t{watch.Elapsed.TotalMilliseconds:F0} ms\t{document.Entries.Length} entries{Cpu()}");
        watch.Restart();
        var result = CollectionLoader.Load(path);
        Console.WriteLine($"load (stream + parse again + papers)\t{watch.Elapsed.TotalMilliseconds:F0} ms\t{result.Papers.Length} papers{Cpu()}");
        watch.Restart();
        var index = PaperIndex.Build([result]);
        Console.WriteLine($"index build\t{watch.Elapsed.TotalMilliseconds:F0} ms{Cpu()}");
        watch.Restart();
        index.Search("warm", 1);
        Console.WriteLine($"search index build\t{watch.Elapsed.TotalMilliseconds:F0} ms{Cpu()}");
        Console.WriteLine($"gc\t{GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)} gen0/1/2, pause {GC.GetTotalPauseDuration().TotalMilliseconds:F0} ms");
        return 0;
    }
}
