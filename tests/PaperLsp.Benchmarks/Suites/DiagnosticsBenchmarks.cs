using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using PaperLsp.Core.Features.Diagnostics;
using PaperLsp.Core.Text;
using PaperLsp.Core.Workspace;

namespace PaperLsp.Benchmarks.Suites;

/// <summary>A change to a 10,000-line notes file: parse the new text and compute its diagnostics against the index.</summary>
[Config(typeof(QuickConfig))]
public class DiagnosticsBenchmarks
{
    private const string NotesPath = "/bench/notes.pnotes";
    private WorkspaceSnapshot _snapshot = WorkspaceSnapshot.Empty;
    private string _text = string.Empty;
    private int _version;

    [Params(10_000, 100_000)]
    public int Papers { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _text = BenchmarkData.NotesText(Papers);
        _snapshot = WorkspaceSnapshot.Empty.WithPapers(BenchmarkData.Index(Papers));
    }

    [Benchmark]
    public ImmutableArray<NotesDiagnostic> ChangeToDiagnostics()
    {
        // A fresh document each time, so the lazily parsed tree is not reused from the previous iteration.
        var edited = _text + "\nA new line with [[an unknown title]] " + _version++ + "\n";
        var snapshot = _snapshot.WithDocument(NotesDocument.Create(NotesPath, SourceText.From(edited), _version, isOpen: true));
        return DiagnosticsProvider.Compute(snapshot, NotesPath);
    }
}
