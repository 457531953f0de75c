using PaperLsp.Core.Collections;
using PaperLsp.Core.Text;
using PaperLsp.Core.Workspace;
using PaperLsp.Server.Conversion;
using PaperLsp.Server.Dispatch;
using PaperLsp.Server.Handlers.Completion;
using PaperLsp.Server.Protocol;
using PaperLsp.Server.Workspace;

namespace PaperLsp.Server;

/// <summary>
/// A completion over three made-up papers, on a thread of its own at the server's start, while its single thread builds
/// the connection and the second core has nothing to do: the first real completion otherwise compiled the search, the
/// notes parser and the list writer (a few hundred methods, the search's loops fully optimized) after the index was
/// ready, and the editor waited for that. Nothing touches the disk or the workspace; failures are ignored.
/// </summary>
internal static class CompletionWarmUp
{
    /// <summary>Starts the warm-up unless PAPERLSP_WARM_UP is 0 (to measure a start without it).</summary>
    public static void Start()
    {
        if (Environment.GetEnvironmentVariable("PAPERLSP_WARM_UP") != "0")
        {
            new Thread(Run) { IsBackground = true, Name = "Completion warm-up" }.Start();
        }
    }

    private static void Run()
    {
        try
        {
            StartupTimeline.Mark("completion warm-up started");
            _ = CompleteOnce();
            StartupTimeline.Mark("completion warm-up done");
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Only a warm-up.
        }
    }

    /// <summary>Completes `[[nystromf` and `[[attention is` over the made-up papers; true when the first finds its paper.</summary>
    internal static bool CompleteOnce()
    {
        var folder = Path.Combine(Path.GetTempPath(), "paperlsp-warm-up");
        var collection = Path.Combine(folder, "warm-up.bib");
        Paper Paper(string key, string title, string author, int line) => new()
        {
            Key = key, Title = title, Authors = [author], Year = "2017", Source = new SourceLocation(collection, line),
        };
        var index = PaperIndex.Build([new CollectionLoadResult(collection,
        [
            Paper("vaswani2017", "Attention Is All You Need", "Vaswani, Ashish", 1),
            Paper("xiong2021", "Nyströmformer: A Nyström-Based Algorithm for Approximating Self-Attention", "Xiong, Yunyang", 2),
            Paper("devlin2019", "BERT: Pre-training of Deep Bidirectional Transformers", "Devlin, Jacob", 3),
        ], [])]);
        var notes = Path.Combine(folder, "warm-up.pnotes");
        var snapshot = WorkspaceSnapshot.Empty.WithPapers(index)
            .WithDocument(NotesDocument.Create(notes, SourceText.From("- [[nystromf\n- [[attention is\n"), 1, isOpen: true));
        var context = new RequestContext(snapshot, LspPositions.Utf16, ClientFeatures.None, FileUri.FromPath);
        var found = false;
        foreach (var (line, character) in new[] { (0, 12), (1, 16) })
        {
            var parameters = new TextDocumentPositionParams
            {
                TextDocument = new TextDocumentIdentifier { Uri = FileUri.FromPath(notes) },
                Position = new Position { Line = line, Character = character },
            };
            var list = CompletionHandler.Handle(context, parameters, CancellationToken.None);
            _ = CompletionListJson.Of(list);
            found |= line == 0 && list?.Items.Any(i => i.Label.StartsWith("Nyströmformer", StringComparison.Ordinal)) == true;
        }

        return found;
    }
}
