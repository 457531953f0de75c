using PaperLsp.Core.Collections;
using PaperLsp.Core.Text;
using PaperLsp.Core.Workspace;
using PaperLsp.Server.Conversion;
using PaperLsp.Server.Dispatch;
using PaperLsp.Server.Handlers.Completion;
using PaperLsp.Server.Protocol;
using PaperLsp.Server.Workspace;

namespace PaperLsp.Server.Tests;

/// <summary>
/// What the connection sends for a completion (<see cref="CompletionHandler.HandleJson"/>, written straight from the
/// candidates) is, byte for byte, the JSON of the list the handler makes (<see cref="CompletionHandler.Handle"/>), itself
/// checked against the serializer (<see cref="CompletionListJsonTests"/>): in every completion context, with
/// documentation inline (a short list) or left to resolve (a long one), and with text beyond ASCII.
/// </summary>
public sealed class CompletionFromCandidatesTests
{
    private const string Notes = """
        @paper [[Attention Is All You Need]]
        status: re
        tags: attention, #eff
        related: [[Nyström

        Cites [[transformer for and [[Nyströmformer]] here.
        See @vasw here.
        @paper tran
        st
        % [[not here
        @paper @vaswani2017
        tags: efficiency, graphs
        """;

    private static readonly string Folder = Path.Combine(Path.GetTempPath(), "paperlsp-completion-from-candidates");

    public static TheoryData<int, int, string> Positions => new()
    {
        { 1, 10, "status value" },
        { 2, 21, "tag" },
        { 3, 18, "related title" },
        { 5, 17, "many titles: documentation left to resolve" },
        { 6, 9, "key" },
        { 5, 34, "few titles: documentation inline" },
        { 7, 11, "paper header: titles and keys" },
        { 8, 2, "field name" },
        { 9, 10, "comment: no completion" },
    };

    [Theory]
    [MemberData(nameof(Positions))]
    public void The_json_sent_is_the_json_of_the_list_the_handler_makes(int line, int character, string context)
    {
        var request = Context();
        var parameters = new TextDocumentPositionParams
        {
            TextDocument = new TextDocumentIdentifier { Uri = FileUri.FromPath(Path.Combine(Folder, "notes.pnotes")) },
            Position = new Position(line, character),
        };

        var list = CompletionHandler.Handle(request, parameters, CancellationToken.None);
        var sent = CompletionHandler.HandleJson(request, parameters, CancellationToken.None);

        Assert.Equal(list is null, sent is null);
        Assert.Equal(CompletionListJson.Of(list)?.ToString(), sent?.ToString());
        Assert.True(list is null || list.Items.Count > 0 || context.Contains("no completion", StringComparison.Ordinal), context);
    }

    [Fact]
    public void The_contexts_cover_both_kinds_of_long_and_short_lists()
    {
        var request = Context();
        CompletionList? At(int line, int character) => CompletionHandler.Handle(request, new TextDocumentPositionParams
        {
            TextDocument = new TextDocumentIdentifier { Uri = FileUri.FromPath(Path.Combine(Folder, "notes.pnotes")) },
            Position = new Position(line, character),
        }, CancellationToken.None);

        var many = At(5, 17)!;
        var few = At(5, 34)!;

        Assert.True(many.Items.Count > CompletionHandler.InlineDocumentationLimit);
        Assert.All(many.Items, item => Assert.NotNull(item.Data));
        Assert.InRange(few.Items.Count, 1, CompletionHandler.InlineDocumentationLimit);
        Assert.All(few.Items, item => Assert.NotNull(item.Documentation));
    }

    private static RequestContext Context()
    {
        var collection = Path.Combine(Folder, "refs.bib");
        Paper Paper(string key, string title, string[] authors, int line) => new()
        {
            Key = key, Title = title, Authors = [.. authors], Year = "20" + (10 + (line % 15)), Venue = "Venue \"" + line + "\"",
            Source = new SourceLocation(collection, line),
        };
        var papers = new List<Paper>
        {
            Paper("vaswani2017", "Attention Is All You Need", ["Ashish Vaswani", "Noam Shazeer"], 1),
            Paper("xiong2021", "Nyströmformer: A Nyström-Based Algorithm for Approximating Self-Attention 😀", ["Yunyang Xiong"], 2),
        };
        papers.AddRange(Enumerable.Range(0, 60).Select(i => Paper($"t{i}:x", $"Transformer for task {i} — a \"study\" <{i}>", i % 2 == 0 ? ["Ann Author"] : [], i + 3)));
        var index = PaperIndex.Build([new CollectionLoadResult(collection, [.. papers], [])]);
        var snapshot = WorkspaceSnapshot.Empty.WithPapers(index)
            .WithDocument(NotesDocument.Create(Path.Combine(Folder, "notes.pnotes"), SourceText.From(Notes.ReplaceLineEndings("\n")), 1, isOpen: true));
        return new RequestContext(snapshot, LspPositions.Utf16, ClientFeatures.None, FileUri.FromPath);
    }
}
