using System.Diagnostics;
using System.Globalization;
using PaperLsp.Core.Collections;
using PaperLsp.Core.Features.Diagnostics;
using PaperLsp.Core.Features.Presentation;
using PaperLsp.Core.Text;
using PaperLsp.Core.Workspace;

namespace PaperLsp.Benchmarks.Measurement;

/// <summary>
/// <c>measure (--collection FILE[,FILE] | --synthetic N) [--label NAME] [--results FILE.tsv] [--repeat 30] [--cache on]
/// [--hold-at parsed|load|ready|end --hold-seconds 60] [--allocations on] [--breakdown on]</c>: in a fresh process (so "cold"),
/// times loading, index build and the first search, then search latency (median, p95, max over --repeat runs) for the
/// typical queries and hover lookups, and reports peak RSS (VmHWM). Each figure is printed and appended to the TSV.
/// <c>--synthetic N</c> makes the papers in memory instead of loading a file (what the loaders would return): for sizes
/// whose file the current loader cannot read (a 1M-entry .bib is over .NET's maximum string length).
/// <c>--hold-at</c> pauses once the first .bib is parsed (its entries alive, as mid-load; then exits), after the load (papers alive, index not built) once ready (index and search index built) or at the end (after the searches, hovers and diagnostics),
/// printing the process id, so that a heap profile can be taken (<c>dotnet-gcdump collect -p PID</c>).
/// </summary>
public static class MeasureCommand
{
    public static readonly string[] Queries = ["nystromformer", "attention", "graph neural", "xiong 2021", "a", "z", "secure signatures lattice"];

    public static int Run(IReadOnlyList<string> args)
    {
        var options = CommandOptions.Parse(args);
        var paths = options.String("collection", string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries);
        var label = options.String("label", Path.GetFileName(paths.FirstOrDefault() ?? "synthetic"));
        var results = options.String("results", string.Empty);
        var repeat = options.Int("repeat", 30);
        var figures = new List<(string Name, double Value, string Unit)>();
        void Record(string name, double value, string unit)
        {
            figures.Add((name, value, unit));
            Console.WriteLine($"{label}\t{name}\t{value.ToString("F2", CultureInfo.InvariantCulture)}\t{unit}");
        }

        var holdAt = options.String("hold-at", string.Empty);
        var holdSeconds = options.Int("hold-seconds", 60);
        if (holdAt == "parsed")
        {
            // What a .bib load holds before its papers are built: every entry, as the loader keeps them.
            using var stream = File.OpenRead(paths[0]);
            var version = new CollectionFileVersion(Path.GetFullPath(paths[0]), stream.Length, File.GetLastWriteTimeUtc(stream.SafeFileHandle).Ticks);
            var document = BibTexParser.Parse(paths[0], new BibTexChunkReader(stream), null, version, keepFields: BibTexLoader.FieldsRead);
            Console.Error.WriteLine($"{document.Entries.Length} entries parsed");
            Hold(holdSeconds);
            GC.KeepAlive(document);
            return 0;
        }

        // Collections and their pauses so far: what a load costs the GC, which machine load hardly changes.
        void RecordGc(string stage)
        {
            Record($"gc0_{stage}", GC.CollectionCount(0), "collections");
            Record($"gc1_{stage}", GC.CollectionCount(1), "collections");
            Record($"gc2_{stage}", GC.CollectionCount(2), "collections");
            Record($"gc_pause_{stage}", GC.GetTotalPauseDuration().TotalMilliseconds, "ms");
            Record($"allocated_{stage}", GC.GetTotalAllocatedBytes() / 1e6, "MB");
        }

        // --allocations: the types allocated until ready, sampled (see AllocationSampler), printed after the load figures.
        using var sampler = options.String("allocations", "off") == "on" ? new AllocationSampler() : null;
        var total = Stopwatch.StartNew();
        var watch = Stopwatch.StartNew();
        var synthetic = options.Int("synthetic", 0);
        // --cache: load through the collection cache (PAPERLSP_CACHE_DIR etc.) and fill it afterwards, as the CLI does.
        var cache = options.String("cache", "off") == "on" ? PaperLsp.Core.Collections.Cache.CachedCollectionLoader.FromEnvironment() : null;
        var loaded = synthetic > 0 ? [Suites.BenchmarkData.Papers(synthetic)] : CollectionSetLoader.LoadEach(paths, read: cache is null ? null : cache.Load);
        Record("load", watch.Elapsed.TotalMilliseconds, "ms");
        Record("rss_after_load", PeakMemory.CurrentRssMegabytes(), "MB");
        Record("peak_rss_after_load", PeakMemory.PeakRssMegabytes(), "MB");
        RecordGc("load");
        if (holdAt == "load")
        {
            Hold(holdSeconds);
        }

        watch.Restart();
        var index = PaperIndex.Build(loaded);
        Record("build", watch.Elapsed.TotalMilliseconds, "ms");
        Record("rss_after_build", PeakMemory.CurrentRssMegabytes(), "MB");
        Record("peak_rss_after_build", PeakMemory.PeakRssMegabytes(), "MB");
        watch.Restart();
        var first = index.Search("nystromformer", 100);
        Record("first_search", watch.Elapsed.TotalMilliseconds, "ms");
        Record("peak_rss_after_first_search", PeakMemory.PeakRssMegabytes(), "MB");
        Record("ready_total", total.Elapsed.TotalMilliseconds, "ms");
        Record("search_index_serialized", index.SearchIndex.SerializedLength / 1e6, "MB");
        RecordGc("ready");
        if (options.String("breakdown", "off") == "on")
        {
            foreach (var (part, bytes, objects) in PaperBytes.Of(index))
            {
                Console.WriteLine($"{label}\tbytes[{part}]\t{bytes / 1e6:F1}\tMB in {objects} objects");
            }
        }

        foreach (var (type, bytes) in sampler?.Top(30) ?? [])
        {
            Console.WriteLine($"{label}\tallocated[{type}]\t{bytes / 1e6:F1}\tMB (sampled)");
        }

        if (holdAt == "ready")
        {
            Hold(holdSeconds);
        }

        // CPU time of the whole process until ready (runtime start-up and JIT included): on a loaded machine, wall time
        // mostly measures the other processes.
        Record("ready_cpu", System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime.TotalMilliseconds, "ms");
        Record("papers", index.Count, "papers");
        Record("problems", index.Problems.Length, "problems");
        cache?.PersistPending();
        Record("known_title_rank", first.Select((hit, i) => (hit, i)).FirstOrDefault(x => x.hit.Paper.Key == "xiong2021nystromformer", (default, -1)).Item2, "rank");

        foreach (var query in Queries)
        {
            var times = new double[repeat];
            var process = System.Diagnostics.Process.GetCurrentProcess();
            var cpuBefore = process.TotalProcessorTime;
            for (var r = 0; r < repeat; r++)
            {
                // A repeated query would reuse the matches of the one before (as a keystroke extending it does).
                index.SearchIndex.ForgetLastMatches();
                watch.Restart();
                index.Search(query, 100);
                times[r] = watch.Elapsed.TotalMilliseconds;
            }

            process.Refresh();
            var cpuPerQuery = (process.TotalProcessorTime - cpuBefore).TotalMilliseconds / repeat;
            Array.Sort(times);
            var name = query.Replace(' ', '_');
            // CPU time (all threads) per query: the work done, which machine load inflates much less than wall time.
            Record($"search[{name}]_cpu", cpuPerQuery, "ms");
            Record($"search[{name}]_p50", times[repeat / 2], "ms");
            Record($"search[{name}]_p95", times[Math.Min(repeat - 1, (int)Math.Ceiling(repeat * 0.95) - 1)], "ms");
        }

        var hoverTimes = new double[repeat];
        var keys = index.Papers.Length == 0 ? [] : Enumerable.Range(0, repeat).Select(i => index.Papers[(int)((long)i * 7919 % index.Papers.Length)].Key).ToArray();
        for (var r = 0; r < keys.Length; r++)
        {
            watch.Restart();
            var paper = index.FindByKey(keys[r]);
            _ = paper is null ? string.Empty : PaperMarkdown.Describe(paper);
            hoverTimes[r] = watch.Elapsed.TotalMilliseconds;
        }

        Array.Sort(hoverTimes);
        Record("hover_p50", hoverTimes[repeat / 2], "ms");
        Record("hover_max", hoverTimes[^1], "ms");
        // A change to a 10,000-line notes file about this collection: parse + diagnostics (did-you-mean included).
        var notes = Suites.BenchmarkData.NotesText(index.Count);
        var snapshot = WorkspaceSnapshot.Empty.WithPapers(index);
        var diagnosticsTimes = new double[5];
        for (var r = 0; r < diagnosticsTimes.Length; r++)
        {
            var document = NotesDocument.Create("/bench/notes.pnotes", SourceText.From(notes + "\n" + r + "\n"), r, isOpen: true);
            watch.Restart();
            var diagnostics = DiagnosticsProvider.Compute(snapshot.WithDocument(document), document.Path);
            diagnosticsTimes[r] = watch.Elapsed.TotalMilliseconds;
            if (r == 0)
            {
                foreach (var group in diagnostics.GroupBy(d => d.Code).OrderBy(g => g.Key))
                {
                    Record($"diagnostics[{group.Key}]", group.Count(), "diagnostics");
                }
            }
        }

        Array.Sort(diagnosticsTimes);
        Record("diagnostics_10k_lines_p50", diagnosticsTimes[2], "ms");
        if (holdAt == "end")
        {
            Hold(holdSeconds);
        }

        GC.KeepAlive(index);
        Record("rss_now", PeakMemory.CurrentRssMegabytes(), "MB");
        Record("peak_rss", PeakMemory.PeakRssMegabytes(), "MB");
        Record("managed_heap", GC.GetTotalMemory(forceFullCollection: true) / 1e6, "MB");

        if (results.Length > 0)
        {
            File.AppendAllLines(results, figures.Select(f => $"{label}\t{f.Name}\t{f.Value.ToString("F2", CultureInfo.InvariantCulture)}\t{f.Unit}"));
        }

        return 0;
    }

    private static void Hold(int seconds)
    {
        Console.Error.WriteLine($"holding pid {Environment.ProcessId} for {seconds} s");
        Thread.Sleep(TimeSpan.FromSeconds(seconds));
    }
}
