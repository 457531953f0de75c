using System.Globalization;
using System.Text;
using Newtonsoft.Json;

namespace PaperLsp.StdioBenchmark;

/// <summary>
/// <c>PaperLsp.StdioBenchmark --collection FILE.bib [--notes FILE.pnotes] [--server paperlsp.dll] [--requests 200] [--edits 10]
/// [--label NAME] [--work DIR] [--results results.jsonl] [--markdown table.md] [--modes cold,cached] [--debounce-ms 0]
/// [--server-env "NAME=VALUE;NAME=VALUE"]</c>
/// <para>
/// For each mode it starts the built server (`dotnet paperlsp.dll serve`) on a workspace folder whose paperlsp.json
/// names the collection: "cold" with an empty cache folder (and waits for the cache to be written before stopping),
/// "cached" again on that folder (`--modes cached` alone reuses the cache of an earlier run). Each run appends one JSON line to --results and a Markdown row to --markdown.
/// </para>
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        var options = args.Select((a, i) => (a, i)).Where(p => p.a.StartsWith("--", StringComparison.Ordinal))
            .ToDictionary(p => p.a[2..], p => p.i + 1 < args.Length && !args[p.i + 1].StartsWith("--", StringComparison.Ordinal) ? args[p.i + 1] : "true");
        string Option(string name, string fallback) => options.GetValueOrDefault(name, fallback);
        if (options.TryGetValue("hash-cost", out var hashed))
        {
            HashCost.Run(hashed);
            return 0;
        }

        if (!options.TryGetValue("collection", out var collection) || options.ContainsKey("help"))
        {
            Console.Error.WriteLine("usage: PaperLsp.StdioBenchmark --collection FILE.bib [--notes FILE.pnotes] [--server paperlsp.dll|paperlsp] [--requests 200] [--edits 10] [--label NAME] [--work DIR] [--results FILE.jsonl] [--markdown FILE.md] [--modes cold,cached] [--debounce-ms 0] [--server-env \"NAME=VALUE;...\"]");
            return options.ContainsKey("help") ? 0 : 2;
        }

        collection = Path.GetFullPath(collection);
        var label = Option("label", Path.GetFileNameWithoutExtension(collection));
        var server = Path.GetFullPath(Option("server", "src/PaperLsp/bin/Release/net10.0/paperlsp.dll"));
        var work = Path.GetFullPath(Option("work", Path.Combine(Path.GetTempPath(), "paperlsp-stdio", label)));
        var requests = int.Parse(Option("requests", "200"), CultureInfo.InvariantCulture);
        var notes = options.TryGetValue("notes", out var n) ? Path.GetFullPath(n) : null;
        // For the server process only: DOTNET_DiagnosticPorts=/tmp/x.sock lets `dotnet-trace collect --diagnostic-port /tmp/x.sock` trace its start.
        var serverEnvironment = Option("server-env", "").Split(';', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2)).ToDictionary(pair => pair[0], pair => pair.Length > 1 ? pair[1] : "");

        // The workspace: a link to the collection and a paperlsp.json naming it; the cache folder starts empty.
        var folder = Path.Combine(work, "workspace");
        var cache = Path.Combine(work, "cache");
        var modes = Option("modes", "cold,cached").Split(',');
        if (Directory.Exists(work) && modes.Contains("cold"))
        {
            Directory.Delete(work, recursive: true);
        }

        Directory.CreateDirectory(folder);
        var linked = Path.Combine(folder, "collection" + Path.GetExtension(collection));
        if (!File.Exists(linked))
        {
            File.CreateSymbolicLink(linked, collection);
        }

        File.WriteAllText(Path.Combine(folder, "paperlsp.json"), JsonConvert.SerializeObject(new { collections = new[] { Path.GetFileName(linked) } }));

        var samples = SampleReferences.Read(collection, requests);
        Console.Error.WriteLine($"{label}: {samples.Keys.Count} keys, {samples.Titles.Count} titles sampled; server {server}");
        foreach (var mode in modes)
        {
            // A .dll runs through `dotnet` (the framework-dependent build); anything else is the server's own executable.
            var (fileName, arguments) = server.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)
                ? ("dotnet", new[] { server, "serve" })
                : (server, new[] { "serve" });
            var run = new StdioRunOptions(label, mode, fileName, arguments, folder, cache, notes, requests, int.Parse(Option("edits", "10"), CultureInfo.InvariantCulture), samples, TimeSpan.FromMinutes(20))
            {
                // The server's quiet time before diagnostics (150 ms before it started passes at once): reported beside the raw figure.
                DebounceMs = double.Parse(Option("debounce-ms", "0"), CultureInfo.InvariantCulture),
                ServerEnvironment = serverEnvironment,
            };
            var result = await StdioRun.RunAsync(run);
            var json = JsonConvert.SerializeObject(result);
            Console.WriteLine(json);
            if (options.TryGetValue("results", out var results))
            {
                File.AppendAllText(results, json + "\n");
            }

            var row = MarkdownRow(result);
            Console.Error.WriteLine(row);
            if (options.TryGetValue("markdown", out var markdown))
            {
                if (!File.Exists(markdown))
                {
                    File.WriteAllText(markdown, MarkdownHeader);
                }

                File.AppendAllText(markdown, row + "\n");
            }
        }

        return 0;
    }

    private const string MarkdownHeader =
        "| run | start | initialize ms | ready (status) ms | known title in completion ms | cache read ms | completion p50/p95/p99 ms | hover p50/p95/p99 ms | notes change→diagnostics p50/p95/p99 ms (minus the server's debounce p50/p95) | peak RSS MB | cache write ms | machine |\n" +
        "|---|---|---|---|---|---|---|---|---|---|---|---|\n";

    private static string MarkdownRow(StdioRunResult r) => string.Create(CultureInfo.InvariantCulture,
        $"| {r.Label} | {r.Mode} | {r.InitializeMs:F0} | {r.StatusReadyMs:F0} | {r.CompletionReadyMs:F0} | {r.CacheReadMs?.ToString("F0", CultureInfo.InvariantCulture) ?? "–"} | {r.Completion} ({r.CompletionNonEmptyRate:P0} non-empty) | {r.Hover} ({r.HoverFoundRate:P0} found) | {r.NotesChangeDiagnostics} ({r.NotesChangeDiagnostics.P50 - r.DiagnosticsDebounceMs:F1} / {r.NotesChangeDiagnostics.P95 - r.DiagnosticsDebounceMs:F1}) | {r.PeakRssMb:F0} | {r.CacheWriteMs?.ToString("F0", CultureInfo.InvariantCulture) ?? "–"} | {r.Machine} |");
}
