using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;

namespace PaperLsp.StdioBenchmark;

/// <summary>
/// Starts the server once and measures, as an editor would see it: initialize, the moment completion on
/// <c>[[nystromformer</c> offers the known paper (collections load in the background, so it is polled), completion and
/// hover latency over varied requests, change-to-diagnostics on a large notes file, and the peak RSS.
/// </summary>
internal static partial class StdioRun
{
    private const string Probe = "[[nystromformer";

    public static async Task<StdioRunResult> RunAsync(StdioRunOptions options)
    {
        var folderUri = new Uri(options.WorkspaceFolder + "/").AbsoluteUri.TrimEnd('/');
        string Uri(string name) => folderUri + "/" + name;

        var diagnostics = new ConcurrentDictionary<(string Uri, int Version), double>();
        var diagnosticsArrived = new SemaphoreSlim(0);
        var log = new ConcurrentQueue<string>();
        double statusReady = double.NaN;
        var readyMessage = string.Empty;
        var watch = Stopwatch.StartNew();

        var environment = new Dictionary<string, string>(options.ServerEnvironment) { ["PAPERLSP_CACHE_DIR"] = options.CacheDirectory };
        await using var client = LspClient.Start(options.ServerFileName, options.ServerArguments, environment);
        client.StandardError += log.Enqueue;
        client.Notification += (method, parameters) =>
        {
            var p = parameters as JObject;
            if (method == "textDocument/publishDiagnostics" && p?["version"] is { Type: JTokenType.Integer } version)
            {
                diagnostics[(p["uri"]!.Value<string>()!, version.Value<int>())] = watch.Elapsed.TotalMilliseconds;
                diagnosticsArrived.Release();
            }
            else if (method == "paperlsp/collectionStatus" && p?["state"]?.Value<string>() == "ready" && double.IsNaN(statusReady))
            {
                statusReady = watch.Elapsed.TotalMilliseconds;
                readyMessage = p["message"]?.Value<string>() ?? string.Empty;
            }
            else if (method == "window/logMessage")
            {
                log.Enqueue(p?["message"]?.Value<string>() ?? string.Empty);
            }
        };

        await client.RequestAsync("initialize", new JObject
        {
            ["processId"] = Environment.ProcessId,
            ["rootUri"] = folderUri,
            ["workspaceFolders"] = new JArray(new JObject { ["uri"] = folderUri, ["name"] = "bench" }),
            ["capabilities"] = JObject.Parse("""
                { "textDocument": { "completion": { "completionItem": { "snippetSupport": false } },
                                    "hover": { "contentFormat": ["markdown", "plaintext"] },
                                    "publishDiagnostics": { "versionSupport": true } } }
                """),
        });
        var initialize = watch.Elapsed.TotalMilliseconds;
        Progress(options, watch, "initialized");
        await client.NotifyAsync("initialized", new JObject());

        await OpenAsync(client, Uri("probe.pnotes"), Probe + "\n");
        var completionReady = await PollUntilKnownTitleAsync(client, Uri("probe.pnotes"), watch, options.ReadyTimeout);

        Progress(options, watch, "known title found by completion");
        var queries = options.Samples.CompletionQueries(options.Requests);
        var completionText = string.Concat(queries.Select(q => $"- [[{q}\n"));
        await OpenAsync(client, Uri("complete.pnotes"), completionText);
        var completionLatencies = new List<double>();
        var completionLatencyById = new Dictionary<long, double>();
        var nonEmpty = 0;
        var phaseStarted = Stopwatch.GetTimestamp();
        var serverProcessorBefore = client.ProcessorMilliseconds();
        var ownProcessorBefore = Process.GetCurrentProcess().TotalProcessorTime;
        for (var i = 0; i < queries.Count; i++)
        {
            var started = Stopwatch.GetTimestamp();
            var result = await client.RequestAsync("textDocument/completion", Position(Uri("complete.pnotes"), i, 4 + queries[i].Length));
            completionLatencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            completionLatencyById[client.LastRequestId] = completionLatencies[^1];
            nonEmpty += Items(result).Any() ? 1 : 0;
        }

        Console.Error.WriteLine(FormattableString.Invariant(
            $"  {options.Label} {options.Mode}: completion phase {Stopwatch.GetElapsedTime(phaseStarted).TotalMilliseconds:F0} ms: server CPU {client.ProcessorMilliseconds() - serverProcessorBefore:F0} ms, benchmark client CPU {(Process.GetCurrentProcess().TotalProcessorTime - ownProcessorBefore).TotalMilliseconds:F0} ms"));
        Progress(options, watch, "completion measured");
        var hoverLines = Enumerable.Range(0, options.Requests).Select(i => i % 2 == 0
            ? $"See @{options.Samples.Keys[i % options.Samples.Keys.Count]} here."
            : $"See [[{options.Samples.Titles[i % options.Samples.Titles.Count]}]] here.").ToList();
        await OpenAsync(client, Uri("hover.pnotes"), string.Join('\n', hoverLines) + "\n");
        var hoverLatencies = new List<double>();
        var found = 0;
        for (var i = 0; i < hoverLines.Count; i++)
        {
            var started = Stopwatch.GetTimestamp();
            var result = await client.RequestAsync("textDocument/hover", Position(Uri("hover.pnotes"), i, 7 + (i % 3)));
            hoverLatencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            found += result is JObject ? 1 : 0;
        }

        Progress(options, watch, "hover measured");
        var (openDiagnostics, changeLatencies) = options.NotesPath is null
            ? (double.NaN, new List<double>())
            : await MeasureDiagnosticsAsync(client, Uri("large.pnotes"), File.ReadAllText(options.NotesPath), options.DiagnosticEdits, diagnostics, diagnosticsArrived, watch);

        var peakRss = client.PeakRssMegabytes();
        double? cacheWrite = null;
        if (options.Mode == "cold")
        {
            cacheWrite = await WaitForCacheWriteAsync(log, TimeSpan.FromMinutes(10));
            // The server defers the write until requests pause, past the phases: the peak reported is the server's whole
            // run, the write included; the peak of the phases alone is printed beside it.
            var afterPhases = peakRss;
            peakRss = client.PeakRssMegabytes();
            Console.Error.WriteLine(FormattableString.Invariant($"  {options.Label} {options.Mode}: peak RSS {afterPhases:F0} MB after the phases, {peakRss:F0} MB after the cache write"));
        }

        if (options.ServerEnvironment.ContainsKey("PAPERLSP_TRACE_REQUESTS"))
        {
            RequestPhases.Print($"{options.Label} {options.Mode}", log, completionLatencyById);
        }

        foreach (var line in log.Where(l => CacheReadLine().IsMatch(l)))
        {
            Console.Error.WriteLine($"  {options.Label} {options.Mode}: server: {line}");
        }

        var cacheRead = log.Select(l => CacheReadLine().Match(l)).FirstOrDefault(m => m.Success) is { } read
            ? double.Parse(read.Groups[1].Value, CultureInfo.InvariantCulture)
            : (double?)null;
        return new StdioRunResult(
            options.Label, options.Mode, initialize, statusReady, completionReady, cacheRead,
            LatencySummary.Of(completionLatencies), (double)nonEmpty / Math.Max(1, queries.Count),
            LatencySummary.Of(hoverLatencies), (double)found / Math.Max(1, hoverLines.Count),
            openDiagnostics, LatencySummary.Of(changeLatencies), options.DebounceMs, peakRss, cacheWrite, readyMessage, Machine());
    }

    private static void Progress(StdioRunOptions options, Stopwatch watch, string what) =>
        Console.Error.WriteLine(FormattableString.Invariant($"  {options.Label} {options.Mode}: {what} at {watch.Elapsed.TotalSeconds:F1} s"));

    private static async Task<double> PollUntilKnownTitleAsync(LspClient client, string uri, Stopwatch watch, TimeSpan timeout)
    {
        while (watch.Elapsed < timeout)
        {
            var result = await client.RequestAsync("textDocument/completion", Position(uri, 0, Probe.Length));
            if (Items(result).Any(item => item["label"]?.Value<string>()?.Contains("Nyströmformer", StringComparison.Ordinal) == true))
            {
                return watch.Elapsed.TotalMilliseconds;
            }

            await Task.Delay(20);
        }

        return double.NaN;
    }

    /// <summary>Open, wait for version 1's diagnostics, then insert a comment line at spread-out lines and time each change to its diagnostics.</summary>
    private static async Task<(double Open, List<double> Changes)> MeasureDiagnosticsAsync(
        LspClient client, string uri, string text, int edits, ConcurrentDictionary<(string, int), double> diagnostics, SemaphoreSlim arrived, Stopwatch watch)
    {
        var lineCount = text.Count(c => c == '\n');
        var opened = watch.Elapsed.TotalMilliseconds;
        await OpenAsync(client, uri, text);
        var open = await WaitForAsync(diagnostics, arrived, uri, 1) - opened;
        var changes = new List<double>();
        for (var version = 2; version < 2 + edits; version++)
        {
            var line = version * 331 % lineCount;
            var sent = watch.Elapsed.TotalMilliseconds;
            await client.NotifyAsync("textDocument/didChange", new JObject
            {
                ["textDocument"] = new JObject { ["uri"] = uri, ["version"] = version },
                ["contentChanges"] = new JArray(new JObject
                {
                    ["range"] = new JObject
                    {
                        ["start"] = new JObject { ["line"] = line, ["character"] = 0 },
                        ["end"] = new JObject { ["line"] = line, ["character"] = 0 },
                    },
                    ["text"] = $"% edit {version} [[nystromformer\n",
                }),
            });
            changes.Add(await WaitForAsync(diagnostics, arrived, uri, version) - sent);
        }

        return (open, changes);
    }

    private static async Task<double> WaitForAsync(ConcurrentDictionary<(string, int), double> diagnostics, SemaphoreSlim arrived, string uri, int version)
    {
        var deadline = Stopwatch.StartNew();
        while (!diagnostics.ContainsKey((uri, version)))
        {
            if (deadline.Elapsed > TimeSpan.FromMinutes(2))
            {
                return double.NaN;
            }

            await arrived.WaitAsync(TimeSpan.FromMilliseconds(100));
        }

        return diagnostics[(uri, version)];
    }

    private static async Task<double?> WaitForCacheWriteAsync(ConcurrentQueue<string> log, TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < timeout)
        {
            foreach (var line in log)
            {
                if (CachedLine().Match(line) is { Success: true } match)
                {
                    return double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
                }

                if (line.Contains("cache not written", StringComparison.OrdinalIgnoreCase) || line.Contains("cache disabled", StringComparison.OrdinalIgnoreCase))
                {
                    Console.Error.WriteLine($"  server: {line}");
                    return null;
                }
            }

            await Task.Delay(100);
        }

        return null;
    }

    private static Task OpenAsync(LspClient client, string uri, string text) =>
        client.NotifyAsync("textDocument/didOpen", new JObject
        {
            ["textDocument"] = new JObject { ["uri"] = uri, ["languageId"] = "pnotes", ["version"] = 1, ["text"] = text },
        });

    private static JObject Position(string uri, int line, int character) => new()
    {
        ["textDocument"] = new JObject { ["uri"] = uri },
        ["position"] = new JObject { ["line"] = line, ["character"] = character },
    };

    private static IEnumerable<JToken> Items(JToken? result) => result switch
    {
        JArray array => array,
        JObject list => list["items"] as JArray ?? [],
        _ => [],
    };

    private static string Machine()
    {
        var load = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";
        return FormattableString.Invariant($"{Environment.ProcessorCount} cores, load {load}");
    }

    [GeneratedRegex(@"papers from the cache in (\d+) ms")]
    private static partial Regex CacheReadLine();

    [GeneratedRegex(@"cached [\d,.]+ papers in (\d+) ms")]
    private static partial Regex CachedLine();
}
