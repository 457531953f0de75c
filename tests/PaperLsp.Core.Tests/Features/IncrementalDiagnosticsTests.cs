using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using PaperLsp.Core.Text;
using PaperLsp.Core.Workspace;

namespace PaperLsp.Core.Tests.Features;

/// <summary>
/// Diagnostics of a document reached by edits (incremental parse, reused checks) equal those of the same text opened
/// fresh; an unchanged document still sees the cross-document duplicate (PN006) another document's edit causes.
/// </summary>
public sealed class IncrementalDiagnosticsTests
{
    private const string NotesPath = "/ws/notes.pnotes";
    private const string OtherPath = "/ws/other.pnotes";

    private static readonly string[] Lines =
    [
        "@paper [[Attention Is All You Need]]", "@paper @xiong2021", "@paper [[Unknown Paper]]", "@paper @nokey", "@paper",
        "status: read", "status: finished", "tags: #nlp, bad tag", "rating: 9", "added: 2020-02-30", "related: [[Longformer: The Long-Document Transformer]] @tay2022",
        "See [[Reformer: The Efficient Transformer]] and @devlin2019bert.", "See [[Refromer]] and @Xiong2021.", "[[unterminated", "@{}", "[[]]",
        "# Section [[Big Bird: Transformers for Longer Sequences]]", "% comment @nokey", "", "plain prose",
    ];

    private static readonly Gen<string> Texts = Gen.Elements(Lines).ListOf().Select(lines => string.Join("\n", lines) + "\n");

    private static readonly Gen<(double Start, double Removed, string Inserted)> Edits =
        from start in Gen.Choose(0, 1000)
        from removed in Gen.Frequency((2, Gen.Constant(0)), (1, Gen.Choose(0, 80)))
        from inserted in Gen.Frequency((3, Gen.Elements(Lines).Select(l => l + "\n")), (1, Gen.Elements("\n", ":", "@", "[[", "]]", "x", "")))
        select (start / 1000.0, removed / 1000.0, inserted);

    private static WorkspaceSnapshot Workspace(NotesDocument document) =>
        WorkspaceSnapshot.Empty
            .WithPapers(TestPapers.TransformerIndex)
            .WithDocument(NotesDocument.Create(OtherPath, "@paper [[Attention Is All You Need]]\nstatus: read\n"))
            .WithDocument(document);

    [Property(MaxTest = 200)]
    public Property Diagnostics_after_edits_equal_those_of_the_text_opened_fresh() =>
        Prop.ForAll(Texts.ToArbitrary(), Edits.ListOf().Select(l => l.ToArray()).ToArbitrary(), (text, edits) =>
        {
            var document = NotesDocument.Create(NotesPath, SourceText.From(text), 1, isOpen: true);
            var snapshot = Workspace(document);
            _ = DiagnosticsRendering.Render(snapshot, NotesPath);
            var version = 1;
            foreach (var edit in edits)
            {
                var start = (int)(edit.Start * document.Text.Length);
                var removed = Math.Min(document.Text.Length - start, (int)(edit.Removed * document.Text.Length));
                document = document.WithText(document.Text.WithChanges([new TextChange(new TextSpan(start, removed), edit.Inserted)]), ++version);
                snapshot = snapshot.WithDocument(document);
                var fresh = Workspace(NotesDocument.Create(NotesPath, document.Text, version, isOpen: true));
                Assert.Equal(DiagnosticsRendering.Render(fresh, NotesPath), DiagnosticsRendering.Render(snapshot, NotesPath));
                Assert.Equal(DiagnosticsRendering.Render(fresh, OtherPath), DiagnosticsRendering.Render(snapshot, OtherPath));
            }

            return true;
        });

    [Fact]
    public void An_unchanged_document_reports_the_duplicate_another_document_just_wrote()
    {
        var notes = NotesDocument.Create(NotesPath, SourceText.From("Prose.\n"), 1, isOpen: true);
        var snapshot = Workspace(notes);
        Assert.Equal("", DiagnosticsRendering.Render(snapshot, OtherPath));

        var edited = notes.WithText(SourceText.From("Prose.\n@paper @vaswani2017attention\n"), 2);
        snapshot = snapshot.WithDocument(edited);

        Assert.Contains("PN006", DiagnosticsRendering.Render(snapshot, OtherPath));
        Assert.Contains("also at notes.pnotes:2", DiagnosticsRendering.Render(snapshot, OtherPath));
    }
}
