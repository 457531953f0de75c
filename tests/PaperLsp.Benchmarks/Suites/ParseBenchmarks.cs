using BenchmarkDotNet.Attributes;
using PaperLsp.Core.Syntax;
using PaperLsp.Core.Text;

namespace PaperLsp.Benchmarks.Suites;

/// <summary>Parsing a 10,000-line notes file (what happens on every keystroke before diagnostics).</summary>
[Config(typeof(QuickConfig))]
public class ParseBenchmarks
{
    private SourceText _text = SourceText.From(string.Empty);

    [GlobalSetup]
    public void Setup() => _text = SourceText.From(BenchmarkData.NotesText(100_000));

    [Benchmark]
    public NotesSyntaxTree ParseNotes10kLines() => NotesParser.Parse(_text);
}
