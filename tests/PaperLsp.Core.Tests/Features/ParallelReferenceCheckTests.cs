using PaperLsp.Core.Features.Diagnostics;
using PaperLsp.Core.Workspace;

namespace PaperLsp.Core.Tests.Features;

/// <summary>
/// A file naming many papers the collection does not have checks them on every core before building its diagnostics in
/// order; what each reference gets must not depend on that.
/// </summary>
public sealed class ParallelReferenceCheckTests
{
    private const string NotesPath = "/ws/notes.pnotes";

    [Fact]
    public void Many_new_unknown_references_get_what_each_gets_alone()
    {
        var lines = Enumerable.Range(0, 20)
            .Select(i => $"See [[Atention Is All You Need part {i}]] and @xiong20{i:00} or [[Reformer: The Efficient Transformer]].")
            .ToList();

        var together = Diagnose(string.Join("\n", lines) + "\n");
        var alone = lines.SelectMany(line => Diagnose(line + "\n")).ToList();

        Assert.Equal(40, together.Count);
        Assert.Contains(together, d => d.Message.Contains("Did you mean \"Attention Is All You Need\"", StringComparison.Ordinal));
        Assert.Equal(alone, together);
    }

    /// <summary>Each call has an index of its own, so no check is already cached from another test or call.</summary>
    private static List<(string Code, string Message, string Suggestions)> Diagnose(string text)
    {
        var snapshot = WorkspaceSnapshot.Empty
            .WithPapers(TestPapers.Index(TestPapers.Transformers.ToArray()))
            .WithDocument(NotesDocument.Create(NotesPath, text));
        return DiagnosticsProvider.Compute(snapshot, NotesPath)
            .Select(d => (d.Code, d.Message, string.Join(" | ", d.Suggestions)))
            .ToList();
    }
}
