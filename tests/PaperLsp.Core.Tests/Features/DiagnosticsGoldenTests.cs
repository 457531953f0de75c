namespace PaperLsp.Core.Tests.Features;

/// <summary>
/// Diagnostics of realistic notes files against golden files: <c>Golden/name.pnotes</c> is checked against the
/// transformer collection and compared with <c>Golden/name.golden</c>. Set UPDATE_GOLDEN=1 to rewrite the golden files
/// (in the source tree) from the current output, then review the diff.
/// </summary>
public sealed class DiagnosticsGoldenTests
{
    [Theory]
    [InlineData("reading-list")]
    public void Diagnostics_match_the_golden_file(string name)
    {
        var directory = Path.Combine(SourceDirectory(), "Golden");
        var notes = File.ReadAllText(Path.Combine(directory, name + ".pnotes"));
        var fixture = NotesFixture.Create(notes);
        var actual = DiagnosticsRendering.Render(fixture.Snapshot, fixture.Path) + "\n";
        var goldenPath = Path.Combine(directory, name + ".golden");
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(goldenPath, actual);
        }

        Assert.True(File.Exists(goldenPath), $"{goldenPath} is missing; run with UPDATE_GOLDEN=1 to create it");
        Assert.Equal(File.ReadAllText(goldenPath).ReplaceLineEndings("\n"), actual);
    }

    private static string SourceDirectory([System.Runtime.CompilerServices.CallerFilePath] string path = "") =>
        Path.GetDirectoryName(path)!;
}
