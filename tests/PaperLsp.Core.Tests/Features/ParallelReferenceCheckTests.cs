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

    [Fact]
    public void Giving_way_before_each_new_check_changes_no_diagnostic()
    {
        var text = string.Join("\n", Enumerable.Range(0, 20).Select(i => $"See [[Atention Is All You Need part {i}]] and @xiong20{i:00}.")) + "\n";
        var gaveWay = 0;

        var paced = Diagnose(text, _ => Interlocked.Increment(ref gaveWay));

        Assert.Equal(Diagnose(text), paced);
        Assert.Equal(40, gaveWay);
    }

    [Fact]
    public void A_pass_cancelled_while_giving_way_stops_with_the_cancellation()
    {
        var text = string.Join("\n", Enumerable.Range(0, 20).Select(i => $"See [[Atention Is All You Need part {i}]].")) + "\n";
        using var cancellation = new CancellationTokenSource();

        Assert.ThrowsAny<OperationCanceledException>(() => Diagnose(text, token =>
        {
            cancellation.Cancel();
            token.ThrowIfCancellationRequested();
        }, cancellation.Token));
    }

    /// <summary>Each call has an index of its own, so no check is already cached from another test or call.</summary>
    private static List<(string Code, string Message, string Suggestions)> Diagnose(
        string text, Action<CancellationToken>? giveWay = null, CancellationToken cancellationToken = default)
    {
        var snapshot = WorkspaceSnapshot.Empty
            .WithPapers(TestPapers.Index(TestPapers.Transformers.ToArray()))
            .WithDocument(NotesDocument.Create(NotesPath, text));
        return DiagnosticsProvider.Compute(snapshot, NotesPath, giveWay, cancellationToken)
            .Select(d => (d.Code, d.Message, string.Join(" | ", d.Suggestions)))
            .ToList();
    }
}
