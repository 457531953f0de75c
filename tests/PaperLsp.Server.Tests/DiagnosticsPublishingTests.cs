using Newtonsoft.Json.Linq;
using PaperLsp.Server.Conversion;
using PaperLsp.Server.Tests.Infrastructure;

namespace PaperLsp.Server.Tests;

/// <summary>Pushed diagnostics start at once, follow a burst of edits to its latest version and never go back to an older one.</summary>
public sealed class DiagnosticsPublishingTests
{
    private static async Task<LspTestClient> StartAsync(TestWorkspace workspace)
    {
        var client = new LspTestClient(workspace.Options);
        await client.StartAsync(null, [workspace.Folder]);
        await client.WaitForNotificationAsync("paperlsp/collectionStatus", p => (string?)p["state"] == "ready");
        return client;
    }

    private static Task ReplaceAsync(LspTestClient client, string path, int version, string text) =>
        client.NotifyAsync("textDocument/didChange", new JObject
        {
            ["textDocument"] = new JObject { ["uri"] = FileUri.FromPath(path), ["version"] = version },
            ["contentChanges"] = new JArray(new JObject { ["text"] = text }),
        });

    private static List<int> PublishedVersions(LspTestClient client, string path) =>
        client.Notifications
            .Where(n => n.Method == "textDocument/publishDiagnostics" && (string?)n.Params["uri"] == FileUri.FromPath(path))
            .Select(n => (int)n.Params["version"]!)
            .ToList();

    [Fact]
    public async Task A_burst_of_edits_ends_with_the_diagnostics_of_the_latest_version_and_versions_only_increase()
    {
        using var workspace = new TestWorkspace();
        await using var client = await StartAsync(workspace);
        var notes = workspace.PathOf("burst.pnotes");
        await client.OpenAsync(notes, "@nokey0\n");
        await client.WaitForDiagnosticsAsync(notes, d => d.Count == 1);

        // Each version has one unknown key more than the one before, so the count tells which version a list belongs to.
        const int last = 40;
        for (var version = 2; version <= last; version++)
        {
            await ReplaceAsync(client, notes, version, string.Join('\n', Enumerable.Range(0, version).Select(i => $"@nokey{i}")) + "\n");
        }

        var final = await client.WaitForDiagnosticsAsync(notes, d => d.Count == last);
        Assert.Equal(last, (int)final["version"]!);
        var versions = PublishedVersions(client, notes);
        Assert.Equal(versions.OrderBy(v => v), versions);
        Assert.Equal(versions.Distinct().Count(), versions.Count);
        foreach (var published in client.Notifications.Where(n => n.Method == "textDocument/publishDiagnostics" && (string?)n.Params["uri"] == FileUri.FromPath(notes)))
        {
            Assert.Equal((int)published.Params["version"]!, ((JArray)published.Params["diagnostics"]!).Count);
        }
    }
}
