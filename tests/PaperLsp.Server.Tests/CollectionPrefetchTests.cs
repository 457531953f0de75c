using System.Collections.Concurrent;
using Newtonsoft.Json.Linq;
using PaperLsp.Core.Collections;
using PaperLsp.Server.Tests.Infrastructure;

namespace PaperLsp.Server.Tests;

/// <summary>
/// Collections are read from `initialize` on, before `initialized` and the client's configuration; the first reload takes
/// those reads only for files it still names, unchanged, and nothing else is ever published.
/// </summary>
public sealed class CollectionPrefetchTests
{
    private const string OtherCollection = """
        hinton2006 | A Fast Learning Algorithm for Deep Belief Nets
        """;

    [Fact]
    public async Task The_collection_paperlsp_json_names_is_read_before_initialized_and_not_read_again()
    {
        using var workspace = new TestWorkspace();
        var reads = new RecordingReader();
        await using var client = new LspTestClient(workspace.Options with { CollectionReader = reads.Read });

        await client.InitializeAsync(folders: [workspace.Folder]);
        await reads.WaitForReadAsync(workspace.Collection);
        await client.NotifyAsync("initialized", new JObject());
        var ready = await client.WaitForNotificationAsync("paperlsp/collectionStatus", p => (string?)p["state"] == "ready");

        Assert.Equal(3, (int)ready["papers"]!);
        Assert.Equal(1, reads.CountOf(workspace.Collection));
    }

    [Fact]
    public async Task Configuration_that_names_another_collection_wins_over_the_one_read_early()
    {
        // initializationOptions name refs.bib (read at initialize); the configuration the client then answers names other.bib.
        using var workspace = new TestWorkspace(configuration: null);
        var other = workspace.PathOf("other.bib");
        File.WriteAllText(other, OtherCollection);
        var reads = new RecordingReader();
        var client = new LspTestClient(workspace.Options with { CollectionReader = reads.Read })
        {
            ConfigurationSettings = JObject.Parse("""{ "collections": ["other.bib"] }"""),
        };
        await using var _ = client;

        await client.InitializeAsync(
            LspTestClient.Capabilities("""{ "workspace": { "configuration": true } }"""),
            [workspace.Folder],
            JObject.Parse("""{ "collections": ["refs.bib"] }"""));
        await reads.WaitForReadAsync(workspace.Collection);
        await client.NotifyAsync("initialized", new JObject());
        await client.WaitForNotificationAsync("paperlsp/collectionStatus", p => (string?)p["state"] == "ready");

        var notes = workspace.PathOf("a.pnotes");
        await client.OpenAsync(notes, "[[A\n");
        var completion = await client.RequestAsync("textDocument/completion", new JObject
        {
            ["textDocument"] = new JObject { ["uri"] = Conversion.FileUri.FromPath(notes) },
            ["position"] = new JObject { ["line"] = 0, ["character"] = 3 },
        });
        var labels = completion!["items"]!.Select(i => (string?)i["label"]).ToList();
        Assert.Equal(["A Fast Learning Algorithm for Deep Belief Nets"], labels);
        Assert.All(client.Notifications.Where(n => n.Method == "paperlsp/collectionStatus" && (string?)n.Params["state"] == "ready"),
            n => Assert.Equal(1, (int)n.Params["papers"]!));
        Assert.Equal(1, reads.CountOf(other));
    }

    [Fact]
    public async Task A_collection_that_changes_after_its_early_read_began_is_read_again()
    {
        using var workspace = new TestWorkspace();
        var reads = new RecordingReader { HoldFirstRead = true };
        await using var client = new LspTestClient(workspace.Options with { CollectionReader = reads.Read });

        await client.InitializeAsync(folders: [workspace.Folder]);
        await reads.WaitForReadAsync(workspace.Collection);
        File.WriteAllText(workspace.Collection, TestWorkspace.DefaultCollection + "\nnew2024 | A New Paper\n");
        reads.ReleaseFirstRead();
        await client.NotifyAsync("initialized", new JObject());
        var ready = await client.WaitForNotificationAsync("paperlsp/collectionStatus", p => (string?)p["state"] == "ready");

        Assert.Equal(4, (int)ready["papers"]!);
        Assert.Equal(2, reads.CountOf(workspace.Collection));
        Assert.DoesNotContain(client.Notifications, n => n.Method == "paperlsp/collectionStatus" && (string?)n.Params["state"] == "ready" && (int)n.Params["papers"]! == 3);
    }

    /// <summary>Counts reads per file; can hold the first read's result (already read) until released.</summary>
    private sealed class RecordingReader
    {
        private readonly ConcurrentDictionary<string, int> _counts = new();
        private readonly TaskCompletionSource _firstRead = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly ManualResetEventSlim _release = new();

        public bool HoldFirstRead { get; init; }

        public CollectionLoadResult Read(string path)
        {
            var result = TestCollections.Read(path);
            var first = _counts.AddOrUpdate(path, 1, (_, count) => count + 1) == 1 && _counts.Count == 1;
            if (first)
            {
                _firstRead.TrySetResult();
                if (HoldFirstRead)
                {
                    _release.Wait(TimeSpan.FromSeconds(20));
                }
            }

            return result;
        }

        public int CountOf(string path) => _counts.GetValueOrDefault(path);

        /// <summary>Waits until the first read (of <paramref name="path"/>) has begun.</summary>
        public async Task WaitForReadAsync(string path)
        {
            await _firstRead.Task.WaitAsync(TimeSpan.FromSeconds(20));
            Assert.Equal(1, CountOf(path));
        }

        public void ReleaseFirstRead() => _release.Set();
    }
}
