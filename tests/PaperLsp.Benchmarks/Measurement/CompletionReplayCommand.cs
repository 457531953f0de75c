using System.Diagnostics;
using System.Globalization;
using PaperLsp.Core.Collections;

namespace PaperLsp.Benchmarks.Measurement;

/// <summary>
/// <c>completion-replay --collection FILE.bib [--requests 200] [--rounds 5] [--typing on] [--slowest 15] [--queries "a|b"] [--counters on] [--complete on] [--cache on] [--list on]</c>: the completion
/// queries the stdio benchmark sends (same sampling: titles of the first 50,000 entries, seeds 7 and 11), searched in this
/// process (top 100) each round, so the search alone is timed without JSON-RPC. Per query the fastest round is kept (what
/// the search costs; the other helpers' load shows in the slower rounds) and the median CPU time of the process (all threads); prints p50/p95/max of those and the slowest
/// queries (with <c>--counters on</c>, what each stage of the scan passed on, <see cref="PaperLsp.Core.Matching.SearchCounters"/>). <c>--queries</c> replaces the sampled queries by these. <c>--typing on</c> types every query key by key instead (each keystroke may reuse the one before).
/// </summary>
public static class CompletionReplayCommand
{
    public static int Run(IReadOnlyList<string> args)
    {
        var options = CommandOptions.Parse(args);
        var path = options.String("collection", string.Empty);
        if (options.String("help", "false") != "false" || path.Length == 0)
        {
            Console.WriteLine(Usage);
            return path.Length == 0 && options.String("help", "false") == "false" ? 2 : 0;
        }

        var requests = options.Int("requests", 200);
        var rounds = options.Int("rounds", 5);
        var typing = options.String("typing", "off") == "on";
        var slowest = options.Int("slowest", 15);
        var withCounters = options.String("counters", "off") == "on";
        var only = options.String("queries", string.Empty);
        var queries = only.Length > 0 ? only.Split('|').ToList() : [.. PaperLsp.StdioBenchmark.SampleReferences.Read(path, requests).CompletionQueries(requests)];
        if (options.String("list", "off") == "on")
        {
            // In the order the stdio benchmark sends them: to join with its server's request trace.
            queries.ForEach(Console.WriteLine);
            return 0;
        }

        var cache = options.String("cache", "off") == "on" ? PaperLsp.Core.Collections.Cache.CachedCollectionLoader.FromEnvironment() : null;
        var loaded = CollectionSetLoader.LoadEach([path], read: cache is null ? null : cache.Load);
        cache?.PersistPending();
        var index = PaperIndex.Build(loaded);
        if (options.String("complete", "off") == "on")
        {
            return Complete(index, queries, rounds, warmUp: options.String("warm-up", "off") == "on");
        }

        index.Search("nystromformer", 100);
        var best = new double[queries.Count];
        Array.Fill(best, double.MaxValue);
        var cpuTimes = queries.Select(_ => new List<double>()).ToArray();
        var process = Process.GetCurrentProcess();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        for (var round = 0; round < rounds; round++)
        {
            for (var q = 0; q < queries.Count; q++)
            {
                var query = queries[q];
                index.SearchIndex.ForgetLastMatches();
                process.Refresh();
                var cpuStarted = process.TotalProcessorTime;
                var started = Stopwatch.GetTimestamp();
                if (typing)
                {
                    for (var length = 1; length <= query.Length; length++)
                    {
                        index.Search(query[..length], 100);
                    }
                }
                else
                {
                    index.Search(query, 100);
                }

                best[q] = Math.Min(best[q], Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                process.Refresh();
                cpuTimes[q].Add((process.TotalProcessorTime - cpuStarted).TotalMilliseconds);
            }
        }

        var cpuPerRound = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / rounds;
        var sorted = best.Order().ToArray();
        string F(double v) => v.ToString("F2", CultureInfo.InvariantCulture);
        Console.WriteLine($"queries {queries.Count} papers {index.Count} typing {typing}: fastest-of-{rounds} p50 {F(sorted[sorted.Length / 2])} p95 {F(sorted[(int)Math.Ceiling(sorted.Length * 0.95) - 1])} max {F(sorted[^1])} sum {F(best.Sum())} ms; CPU per round {F(cpuPerRound)} ms");
        foreach (var q in Enumerable.Range(0, queries.Count).OrderByDescending(q => best[q]).Take(slowest))
        {
            index.SearchIndex.ForgetLastMatches();
            var cpuSorted = cpuTimes[q].Order().ToArray();
            var counters = new PaperLsp.Core.Matching.SearchCounters();
            Console.WriteLine($"  {F(best[q]),8} ms  CPU median {F(cpuSorted[cpuSorted.Length / 2]),6} ms  {index.SearchIndex.Search(queries[q], 100, counters).Count,3} hits  '{queries[q]}'");
            if (withCounters)
            {
                Console.WriteLine($"      {counters}");
            }
        }

        return 0;
    }

    private const string Usage = """
        completion-replay --collection FILE.bib [options]: the stdio benchmark's completion queries, searched in this process.
          --requests N      how many queries (sampled as the stdio benchmark samples them; default 200)
          --queries "a|b"   these queries instead
          --rounds N        rounds over the queries (default 5); per query the fastest round is kept
          --slowest N       print the N slowest queries (default 15)
          --counters on     with each slow query, what each stage of the scan passed on
          --typing on       type every query key by key (each keystroke may narrow the one before)
          --complete on     the whole completion (CompletionProvider) instead of the search alone, per round
          --warm-up on      with --complete: three completions first, as the server's start-up warm-up (round 1 = first touch)
          --cache on        read the collection through the cache (PAPERLSP_CACHE_DIR), as a cached start does
          --list on         print the queries, in the order they are sent, and stop
        """;

    /// <summary>Every query completed as <c>- [[query</c> each round; the first round apart (its hits' papers decoded then).</summary>
    private static int Complete(PaperIndex index, List<string> queries, int rounds, bool warmUp)
    {
        if (warmUp)
        {
            // As the server's start-up warm-up does (on its own made-up papers there): the completion path compiled, a few
            // papers decoded, so that round 1 is what a server's first pass over the queries costs.
            var warmText = "- [[nystromformer\n- [[attention is\n- [[zqx fast tigh\n";
            var warmSnapshot = PaperLsp.Core.Workspace.WorkspaceSnapshot.Empty.WithPapers(index)
                .WithDocument(PaperLsp.Core.Workspace.NotesDocument.Create("/warm-up.pnotes", PaperLsp.Core.Text.SourceText.From(warmText), 1, isOpen: true));
            foreach (var end in new[] { 17, 34, 52 })
            {
                index.SearchIndex.ForgetLastMatches();
                _ = PaperLsp.Core.Features.Completion.CompletionProvider.Complete(warmSnapshot, "/warm-up.pnotes", end);
            }
        }

        var text = string.Concat(queries.Select(q => $"- [[{q}\n"));
        var snapshot = PaperLsp.Core.Workspace.WorkspaceSnapshot.Empty.WithPapers(index)
            .WithDocument(PaperLsp.Core.Workspace.NotesDocument.Create("/replay.pnotes", PaperLsp.Core.Text.SourceText.From(text), 1, isOpen: true));
        var starts = new int[queries.Count];
        for (int q = 0, offset = 0; q < queries.Count; offset += queries[q].Length + 5, q++)
        {
            starts[q] = offset + 4 + queries[q].Length;
        }

        var process = Process.GetCurrentProcess();
        string F(double v) => v.ToString("F2", CultureInfo.InvariantCulture);
        for (var round = 0; round < rounds; round++)
        {
            var times = new double[queries.Count];
            process.Refresh();
            var cpu = process.TotalProcessorTime;
            var allocated = GC.GetTotalAllocatedBytes(precise: true);
            var collections = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
            var items = 0;
            for (var q = 0; q < queries.Count; q++)
            {
                index.SearchIndex.ForgetLastMatches();
                var started = Stopwatch.GetTimestamp();
                items += PaperLsp.Core.Features.Completion.CompletionProvider.Complete(snapshot, "/replay.pnotes", starts[q])?.Items.Length ?? 0;
                times[q] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            }

            process.Refresh();
            var sorted = times.Order().ToArray();
            Console.WriteLine(
                $"round {round + 1}: {queries.Count} completions, {items} items: p50 {F(sorted[sorted.Length / 2])} p95 {F(sorted[(int)Math.Ceiling(sorted.Length * 0.95) - 1])} max {F(sorted[^1])} ms; " +
                $"CPU {F((process.TotalProcessorTime - cpu).TotalMilliseconds)} ms; allocated {F((GC.GetTotalAllocatedBytes(precise: true) - allocated) / 1048576.0)} MB; " +
                $"GCs gen0/1/2 {GC.CollectionCount(0) - collections.Item1}/{GC.CollectionCount(1) - collections.Item2}/{GC.CollectionCount(2) - collections.Item3}; papers decoded {index.Papers.CountDecoded()}");
        }

        return 0;
    }
}
