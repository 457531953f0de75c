using System.Diagnostics;
using System.Globalization;
using PaperLsp.Core.Collections;
using PaperLsp.Core.Features.Diagnostics;
using PaperLsp.Core.Matching;
using PaperLsp.Core.Syntax;
using PaperLsp.Core.Text;
using PaperLsp.Core.Workspace;

namespace PaperLsp.Benchmarks.Measurement;

/// <summary>
/// <c>diagnostics-pass --collection FILE --notes FILE.pnotes [--cache on] [--answers OUT.tsv] [--slowest 10] [--repeat 1] [--overlap parallel|give-way]</c>: the first
/// diagnostics pass of a notes file opened against a collection, in this process: its references, the unknown titles,
/// the pass's wall and CPU time and allocations (the did-you-mean index built inside it), then each distinct unknown
/// title's did-you-mean again on a fresh suggester, one at a time on one thread (time and what it touched: postings
/// walked, titles touched, candidates scored; <c>--repeat</c> runs them that many times, for a profile, and times the first). <c>--answers</c> writes each query's suggested ids, to compare builds.
/// </summary>
public static class DiagnosticsPassCommand
{
    public static int Run(IReadOnlyList<string> args)
    {
        var options = CommandOptions.Parse(args);
        var path = options.String("collection", string.Empty);
        var notesPath = options.String("notes", string.Empty);
        var slowest = options.Int("slowest", 10);
        var repeat = options.Int("repeat", 1);
        var answersPath = options.String("answers", string.Empty);
        var cache = options.String("cache", "off") == "on" ? PaperLsp.Core.Collections.Cache.CachedCollectionLoader.FromEnvironment() : null;
        var loaded = CollectionSetLoader.LoadEach([path], read: cache is null ? null : cache.Load);
        cache?.PersistPending();
        var index = PaperIndex.Build(loaded);
        _ = index.Problems; // the lookups, as the server builds them before it is ready
        var document = NotesDocument.Create(Path.GetFullPath(notesPath), SourceText.From(File.ReadAllText(notesPath)), 1, isOpen: true);
        var snapshot = WorkspaceSnapshot.Empty.WithPapers(index).WithDocument(document);
        var references = document.Syntax.References;
        var titles = references.OfType<TitleReferenceSyntax>().Where(t => t.IsTerminated && !string.IsNullOrWhiteSpace(t.Title)).Select(t => t.Title).ToList();
        var distinctTitles = titles.Distinct(StringComparer.Ordinal).ToList();
        var unknown = distinctTitles.Where(t => index.FindByTitle(t) is null).ToList();
        var unknownNormalized = unknown.Select(TitleNormalizer.Normalize).Distinct(StringComparer.Ordinal).ToList();
        var keys = references.OfType<KeyReferenceSyntax>().Count(k => k.Key.Length > 0);
        Console.WriteLine(
            $"papers {index.Count}; references {references.Length}: titles {titles.Count} ({distinctTitles.Count} distinct, {unknown.Count} unknown, " +
            $"{unknownNormalized.Count} distinct normalized unknown), keys {keys}; load average {File.ReadAllText("/proc/loadavg").Trim()}");

        var process = Process.GetCurrentProcess();
        string F(double v) => v.ToString("F1", CultureInfo.InvariantCulture);
        var overlap = options.String("overlap", string.Empty);
        if (overlap.Length > 0)
        {
            return Overlap(snapshot, document, path, overlap == "give-way", options.Int("requests", 200));
        }

        process.Refresh();
        var cpu = process.TotalProcessorTime;
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var started = Stopwatch.GetTimestamp();
        var found = DiagnosticsProvider.Compute(snapshot, document.Path);
        var wall = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        process.Refresh();
        Console.WriteLine(
            $"first pass: {found.Length} diagnostics ({found.Count(d => d.Code == "PN001")} PN001): wall {F(wall)} ms, CPU {F((process.TotalProcessorTime - cpu).TotalMilliseconds)} ms, " +
            $"allocated {F((GC.GetTotalAllocatedBytes(precise: true) - allocated) / 1048576.0)} MB, processors {Environment.ProcessorCount}");

        started = Stopwatch.GetTimestamp();
        var second = DiagnosticsProvider.Compute(snapshot.WithDocument(document.WithText(SourceText.From(document.Text.ToString() + "\nx\n"), 2)), document.Path);
        Console.WriteLine($"pass after an edit: {second.Length} diagnostics, wall {F(Stopwatch.GetElapsedTime(started).TotalMilliseconds)} ms");

        process.Refresh();
        cpu = process.TotalProcessorTime;
        started = Stopwatch.GetTimestamp();
        var suggester = new TitleSuggester(index.NormalizedTitleList);
        process.Refresh();
        Console.WriteLine($"suggester build: wall {F(Stopwatch.GetElapsedTime(started).TotalMilliseconds)} ms, CPU {F((process.TotalProcessorTime - cpu).TotalMilliseconds)} ms");

        var times = new double[unknownNormalized.Count];
        var work = new SuggestionWork[unknownNormalized.Count];
        var answers = new IReadOnlyList<int>[unknownNormalized.Count];
        process.Refresh();
        cpu = process.TotalProcessorTime;
        allocated = GC.GetTotalAllocatedBytes(precise: true);
        for (var i = 0; i < unknownNormalized.Count * repeat; i++)
        {
            if (i >= unknownNormalized.Count)
            {
                suggester.Closest(unknownNormalized[i % unknownNormalized.Count], 3);
                continue;
            }

            var one = Stopwatch.GetTimestamp();
            answers[i] = suggester.Closest(unknownNormalized[i], 3, out work[i]);
            times[i] = Stopwatch.GetElapsedTime(one).TotalMilliseconds;
        }

        process.Refresh();
        var sorted = times.Order().ToArray();
        double P(double q) => sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(sorted.Length * q) - 1)];
        Console.WriteLine(
            $"did-you-mean one thread, {times.Length} queries: p50 {P(0.5):F3} p95 {P(0.95):F3} max {P(1):F3} sum {F(times.Sum())} ms; CPU {F((process.TotalProcessorTime - cpu).TotalMilliseconds)} ms; " +
            $"allocated {F((GC.GetTotalAllocatedBytes(precise: true) - allocated) / 1048576.0)} MB");
        if (work.Length > 0)
        {
            Console.WriteLine(
                $"per query (mean / max): postings walked {work.Average(w => w.PostingsWalked):F0} / {work.Max(w => w.PostingsWalked)}, titles touched {work.Average(w => w.TitlesTouched):F0} / {work.Max(w => w.TitlesTouched)}, " +
                $"candidates scored {work.Average(w => w.CandidatesScored):F0} / {work.Max(w => w.CandidatesScored)}; with suggestions {answers.Count(a => a.Count > 0)}");
        }

        foreach (var i in Enumerable.Range(0, times.Length).OrderByDescending(i => times[i]).Take(slowest))
        {
            Console.WriteLine($"  {times[i],8:F3} ms  walked {work[i].PostingsWalked,8} touched {work[i].TitlesTouched,7} scored {work[i].CandidatesScored,4}  '{unknownNormalized[i]}'");
        }

        // The unknown keys' part of the pass: the case-insensitive lookup, then the fuzzy search's best keys.
        var unknownKeys = references.OfType<KeyReferenceSyntax>().Select(k => k.Key).Where(k => k.Length > 0).Distinct(StringComparer.Ordinal)
            .Where(k => index.FindByKey(k) is null).ToList();
        var keyTimes = new double[unknownKeys.Count];
        process.Refresh();
        cpu = process.TotalProcessorTime;
        for (var i = 0; i < unknownKeys.Count; i++)
        {
            var one = Stopwatch.GetTimestamp();
            if (index.KeysIgnoringCase(unknownKeys[i]).Count == 0)
            {
                index.SearchIndex.ForgetLastMatches();
                index.SearchIndex.Search(unknownKeys[i], 3);
            }

            keyTimes[i] = Stopwatch.GetElapsedTime(one).TotalMilliseconds;
        }

        process.Refresh();
        sorted = keyTimes.Order().ToArray();
        Console.WriteLine(
            $"unknown keys one thread, {keyTimes.Length} distinct: p50 {P(0.5):F3} p95 {P(0.95):F3} max {P(1):F3} sum {F(keyTimes.Sum())} ms; CPU {F((process.TotalProcessorTime - cpu).TotalMilliseconds)} ms");
        foreach (var i in Enumerable.Range(0, keyTimes.Length).OrderByDescending(i => keyTimes[i]).Take(slowest / 2))
        {
            Console.WriteLine($"  {keyTimes[i],8:F3} ms  '{unknownKeys[i]}'");
        }

        if (answersPath.Length > 0)
        {
            File.WriteAllLines(answersPath, Enumerable.Range(0, answers.Length).Select(i => $"{unknownNormalized[i]}\t{string.Join(',', answers[i])}"));
        }

        return 0;
    }

    /// <summary>
    /// <c>--overlap parallel|give-way [--requests 200]</c>: the first pass starts on a thread of its own while this thread
    /// completes the stdio benchmark's queries one after the other (as a client waiting for each answer), the pass either
    /// on every core (as before) or giving way while a completion runs (as the server's push passes now do). Prints the
    /// completions' p50/p95/max while the pass ran and after, and the pass's time.
    /// </summary>
    private static int Overlap(WorkspaceSnapshot snapshot, NotesDocument notes, string collection, bool giveWay, int requests)
    {
        var queries = PaperLsp.StdioBenchmark.SampleReferences.Read(collection, requests).CompletionQueries(requests);
        var text = string.Concat(queries.Select(q => $"- [[{q}\n"));
        var completing = NotesDocument.Create("/overlap-complete.pnotes", SourceText.From(text), 1, isOpen: true);
        var withBoth = snapshot.WithDocument(completing);
        var starts = new int[queries.Count];
        for (int q = 0, offset = 0; q < queries.Count; offset += queries[q].Length + 5, q++)
        {
            starts[q] = offset + 4 + queries[q].Length;
        }

        // A completion first, as the benchmark's probe does, so the pass competes with warm search code.
        PaperLsp.Core.Features.Completion.CompletionProvider.Complete(withBoth, completing.Path, starts[0]);
        var answering = 0;
        Action<CancellationToken>? pace = giveWay
            ? token =>
            {
                while (Volatile.Read(ref answering) > 0 && !token.WaitHandle.WaitOne(1))
                {
                }
            }
            : null;
        var passWall = 0.0;
        var passDone = new ManualResetEventSlim();
        new Thread(() =>
        {
            var started = Stopwatch.GetTimestamp();
            DiagnosticsProvider.Compute(withBoth, notes.Path, pace);
            passWall = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            passDone.Set();
        }) { IsBackground = true }.Start();

        var during = new List<double>();
        var after = new List<double>();
        for (var q = 0; q < queries.Count; q++)
        {
            var started = Stopwatch.GetTimestamp();
            var passRunning = !passDone.IsSet;
            Interlocked.Increment(ref answering);
            PaperLsp.Core.Features.Completion.CompletionProvider.Complete(withBoth, completing.Path, starts[q]);
            Interlocked.Decrement(ref answering);
            (passRunning ? during : after).Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        passDone.Wait();
        static string Summary(List<double> times)
        {
            var sorted = times.Order().ToArray();
            double P(double q) => sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(sorted.Length * q) - 1)];
            return FormattableString.Invariant($"{sorted.Length} completions p50 {P(0.5):F1} p95 {P(0.95):F1} max {P(1):F1} ms");
        }

        Console.WriteLine($"overlap {(giveWay ? "give-way" : "parallel")}: during the pass {Summary(during)}; after it {Summary(after)}; pass {passWall:F0} ms; load average {File.ReadAllText("/proc/loadavg").Trim()}");
        return 0;
    }
}
