using System.Buffers;
using System.Text;
using Newtonsoft.Json.Linq;
using PaperLsp.Core.Collections;
using PaperLsp.Core.Text;
using PaperLsp.Core.Workspace;
using PaperLsp.Server.Conversion;
using PaperLsp.Server.Dispatch;
using PaperLsp.Server.Handlers.Completion;
using PaperLsp.Server.Protocol;
using PaperLsp.Server.Transport;
using PaperLsp.Server.Workspace;
using StreamJsonRpc;
using StreamJsonRpc.Protocol;

namespace PaperLsp.Server;

/// <summary>
/// Work the start would otherwise do in series, done beforehand on a thread of its own while the server's single thread
/// builds the connection and the second core has nothing to do. First a request read and an answer written by a message
/// formatter like the connection's: StreamJsonRpc's and Newtonsoft's code for them is generic over other assemblies'
/// types, so none of it is precompiled, and compiling it took 100-200 ms between initialize's handler and its answer
/// on the wire. Then a completion over three made-up papers: the first real completion otherwise compiled the search,
/// the notes parser and the list writer (a few hundred methods, the search's loops fully optimized) after the index was
/// ready, and the editor waited for that. Nothing touches the disk, the connection or the workspace; failures are ignored.
/// </summary>
internal static class StartupWarmUp
{
    /// <summary>Starts the warm-up unless PAPERLSP_WARM_UP is 0 (to measure a start without it).</summary>
    public static void Start()
    {
        if (Environment.GetEnvironmentVariable("PAPERLSP_WARM_UP") != "0")
        {
            new Thread(Run) { IsBackground = true, Name = "Start-up warm-up" }.Start();
        }
    }

    private static void Run()
    {
        try
        {
            StartupTimeline.Mark("warm-up started");
            _ = AnswerOnce();
            StartupTimeline.Mark("answer warm-up done");
            // The completion's code is wanted only once the collections are read, which the start's other threads are
            // doing meanwhile: on two cores they go first (background priority), and the warm-up takes what they leave.
            BackgroundWork.LowerPriority();
            _ = CompleteOnce();
            StartupTimeline.Mark("completion warm-up done");
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Only a warm-up.
        }
    }

    /// <summary>Reads an initialize request and writes its answer with a formatter like the connection's; the answer's text.</summary>
    internal static string AnswerOnce()
    {
        var formatter = JsonRpcFactory.CreateFormatter();
        var request = """{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"processId":1,"rootUri":"file:///warm-up","capabilities":{"workspace":{"configuration":true}}}}"""u8.ToArray();
        var message = (JsonRpcRequest)formatter.Deserialize(new ReadOnlySequence<byte>(request));
        var answer = new ArrayBufferWriter<byte>();
        formatter.Serialize(answer, new JsonRpcResult
        {
            RequestId = message.RequestId,
            Result = new JObject { ["capabilities"] = new JObject { ["hoverProvider"] = true, ["completionProvider"] = new JObject { ["triggerCharacters"] = new JArray("[", "@") } } },
        });
        return Encoding.UTF8.GetString(answer.WrittenSpan);
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
            if (CompletionHandler.HandleJson(context, parameters, CancellationToken.None) is { } json)
            {
                // What the connection sends, framed as its message handler frames it (Transport.LspMessageHandler).
                LspMessageHandler.WriteFrame(new ArrayBufferWriter<byte>(), "1"u8, json.Utf8);
                json.Release();
            }

            found |= line == 0 && list?.Items.Any(i => i.Label.StartsWith("Nyströmformer", StringComparison.Ordinal)) == true;
        }

        return found;
    }
}
