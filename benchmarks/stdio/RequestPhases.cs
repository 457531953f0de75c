using System.Globalization;
using System.Text.RegularExpressions;

namespace PaperLsp.StdioBenchmark;

/// <summary>
/// Where the completion requests' time went, from the server's opt-in request trace (<c>--server-env
/// PAPERLSP_TRACE_REQUESTS=1</c>): each stage's share (p50 / p95 / max, ms) between the read of the request and the write
/// of its response, the rest of the client's latency ("outside": pipes, the client's own parse), the CPU time the server
/// process used meanwhile (more than the request's own work: background work competed), and the collections and pause
/// time that fell inside the requests. Printed to stderr only; nothing in the results changes.
/// </summary>
internal static partial class RequestPhases
{
    private static readonly string[] Stages = ["read", "framed", "dispatched", "handled", "started", "computed", "answered", "sent", "written"];

    public static void Print(string label, IEnumerable<string> serverLog, IReadOnlyDictionary<long, double> clientLatencies)
    {
        var traced = new List<(Dictionary<string, double> Stamps, double Client, int[] Collections, double Pause, double Processor, int Queued)>();
        foreach (var line in serverLog)
        {
            var match = TimingLine().Match(line);
            if (!match.Success || !long.TryParse(match.Groups["id"].Value, out var id) || !clientLatencies.TryGetValue(id, out var client))
            {
                continue;
            }

            var stamps = StageValue().Matches(line).ToDictionary(m => m.Groups["stage"].Value, m => double.Parse(m.Groups["ms"].Value, CultureInfo.InvariantCulture));
            var collections = match.Groups["gc"].Value.Split('/').Select(int.Parse).ToArray();
            traced.Add((stamps, client, collections, double.Parse(match.Groups["pause"].Value, CultureInfo.InvariantCulture),
                double.Parse(match.Groups["cpu"].Value, CultureInfo.InvariantCulture), int.Parse(match.Groups["queued"].Value, CultureInfo.InvariantCulture)));
        }

        if (traced.Count == 0)
        {
            Console.Error.WriteLine($"  {label}: no request trace (run the server with PAPERLSP_TRACE_REQUESTS=1 for one)");
            return;
        }

        Console.Error.WriteLine($"  {label}: completion, {traced.Count} traced requests, ms between stages (p50 / p95 / max):");
        // Between each stage and the next one the request passed (a response written while it was sent has no "sent").
        var steps = traced.SelectMany(t => Stages.Where(t.Stamps.ContainsKey).Zip(Stages.Where(t.Stamps.ContainsKey).Skip(1), (from, to) => (from, to, Ms: t.Stamps[to] - t.Stamps[from])));
        foreach (var step in steps.GroupBy(s => (s.from, s.to)).OrderBy(g => Array.IndexOf(Stages, g.Key.from)))
        {
            Console.Error.WriteLine($"    {step.Key.from,-10} -> {step.Key.to,-10} {Summary(step.Select(s => s.Ms).ToList())}");
        }

        Console.Error.WriteLine($"    {"server",-24} {Summary(traced.Where(t => t.Stamps.ContainsKey("written")).Select(t => t.Stamps["written"]).ToList())}");
        Console.Error.WriteLine($"    {"outside (client - server)",-24} {Summary(traced.Where(t => t.Stamps.ContainsKey("written")).Select(t => t.Client - t.Stamps["written"]).ToList())}");
        Console.Error.WriteLine($"    {"client",-24} {Summary(traced.Select(t => t.Client).ToList())}");
        Console.Error.WriteLine($"    {"server process CPU",-24} {Summary(traced.Select(t => t.Processor).ToList())}");
        var withGc = traced.Count(t => t.Collections.Sum() > 0);
        Console.Error.WriteLine(FormattableString.Invariant(
            $"    requests with a GC inside: {withGc}; gen0/1/2 {traced.Sum(t => t.Collections[0])}/{traced.Sum(t => t.Collections[1])}/{traced.Sum(t => t.Collections[2])}; pause total {traced.Sum(t => t.Pause):F1} ms, max {traced.Max(t => t.Pause):F1} ms; pool queue at arrival p50/max {Percentile(traced.Select(t => (double)t.Queued).ToList(), 0.5):F0}/{traced.Max(t => t.Queued)}"));
        // In order of sending, by twentieths: the start of the phase (tier-up, the lookups' build, the cache write) against its end.
        var buckets = traced.Chunk(Math.Max(1, traced.Count / 10)).Select(chunk => FormattableString.Invariant(
            $"{Percentile(chunk.Select(t => t.Client).ToList(), 0.5):F1}/{Percentile(chunk.Select(t => t.Processor).ToList(), 0.5):F1}"));
        Console.Error.WriteLine($"    client / server CPU p50 by tenths of the phase: {string.Join("  ", buckets)}");
        var slowest = traced.OrderByDescending(t => t.Client).Take(5);
        foreach (var slow in slowest)
        {
            Console.Error.WriteLine(FormattableString.Invariant(
                $"    slow: client {slow.Client:F1}: {string.Join(' ', Stages.Where(slow.Stamps.ContainsKey).Select(s => $"{s}={slow.Stamps[s]:F1}"))} gc={string.Join('/', slow.Collections)} pause={slow.Pause:F1} cpu={slow.Processor:F1} queued={slow.Queued}"));
        }
    }

    private static string Summary(IReadOnlyList<double> values) =>
        values.Count == 0 ? "–" : FormattableString.Invariant($"{Percentile(values, 0.5),7:F2} / {Percentile(values, 0.95),7:F2} / {values.Max(),7:F2}");

    private static double Percentile(IReadOnlyList<double> values, double p)
    {
        var sorted = values.Order().ToArray();
        return sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
    }

    [GeneratedRegex(@"^\[Timing\] id=(?<id>\S+) method=textDocument/completion .* gc=(?<gc>\d+/\d+/\d+) pause=(?<pause>[\d.]+) cpu=(?<cpu>[\d.]+) queued=(?<queued>\d+)")]
    private static partial Regex TimingLine();

    [GeneratedRegex(@" (?<stage>[a-z]+)=(?<ms>-?[\d.]+)")]
    private static partial Regex StageValue();
}
