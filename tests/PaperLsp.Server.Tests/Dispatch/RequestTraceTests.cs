using System.Collections.Concurrent;
using System.Globalization;
using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;
using PaperLsp.Server.Conversion;
using PaperLsp.Server.Dispatch;
using PaperLsp.Server.Tests.Infrastructure;

namespace PaperLsp.Server.Tests.Dispatch;

public sealed partial class RequestTraceTests
{
    [Fact]
    public async Task Each_request_gets_one_line_with_its_stages_in_order_from_read_to_written()
    {
        using var workspace = new TestWorkspace();
        var lines = new ConcurrentQueue<string>();
        await using var client = new LspTestClient(workspace.Options with { RequestTrace = new RequestTimeline(lines.Enqueue) });
        await client.StartAsync(null, [workspace.Folder]);
        await client.WaitForNotificationAsync("paperlsp/collectionStatus", p => (string?)p["state"] == "ready");
        var notes = workspace.PathOf("a.pnotes");
        await client.OpenAsync(notes, "See [[Attention\n");

        var result = await client.RequestAsync("textDocument/completion", new JObject
        {
            ["textDocument"] = new JObject { ["uri"] = FileUri.FromPath(notes) },
            ["position"] = new JObject { ["line"] = 0, ["character"] = 15 },
        });

        Assert.NotEmpty(result!["items"]!);
        var completion = await LineAsync(lines, "textDocument/completion");
        var stamps = Stamps(completion);
        Assert.Equal(["read", "framed", "dispatched", "handled", "started", "computed", "answered", "written"], stamps.Select(s => s.Stage).Where(s => s != "sent"));
        Assert.True(stamps.Zip(stamps.Skip(1)).All(pair => pair.First.Ms <= pair.Second.Ms), completion);
        Assert.Matches(@" gc=\d+/\d+/\d+ pause=[\d.]+ cpu=[\d.]+ queued=\d+ threads=\d+$", completion);
        // Notifications (initialized, didOpen) have no line, nor has initialize, answered on the input thread before the
        // connection exists; the completion has one.
        Assert.Equal(["textDocument/completion"], lines.Select(l => MethodOf().Match(l).Groups[1].Value));
    }

    private static async Task<string> LineAsync(ConcurrentQueue<string> lines, string method)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            if (lines.FirstOrDefault(l => l.Contains($" method={method} ", StringComparison.Ordinal)) is { } line)
            {
                return line;
            }

            await Task.Delay(20);
        }

        throw new TimeoutException($"No trace line for {method}: {string.Join("\n", lines)}");
    }

    /// <summary>The stages and their times: what comes before the collections' counts.</summary>
    private static List<(string Stage, double Ms)> Stamps(string line) =>
        StageValue().Matches(line[..(line.IndexOf(" gc=", StringComparison.Ordinal) + 1)]).Select(m => (m.Groups[1].Value, double.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture))).ToList();

    [GeneratedRegex(@" ([a-z]+)=(-?\d+\.\d\d)(?= )")]
    private static partial Regex StageValue();

    [GeneratedRegex(@" method=(\S+) ")]
    private static partial Regex MethodOf();
}
