using System.Text;
using PaperLsp.Core.Collections;
using PaperLsp.Core.Tests.Cli;

namespace PaperLsp.Core.Tests.Collections;

/// <summary>
/// What the .bib loader makes of real and tricky files — entries, fields, macros, problems, papers — pinned in golden
/// files (Collections/Golden; UPDATE_GOLDEN=1 rewrites them). The golden files were written by the loader that read a
/// whole-file string, so they also show that the streaming loader reads the same.
/// </summary>
public sealed class BibTexParseGoldenTests
{
    public static TheoryData<string> Files => new()
    {
        "corpus/biblatex-examples.bib",
        "corpus/cryptobib-abbrev3.bib",
        "collections/crlf-abstracts.bib",
        "collections/features.bib",
        "collections/malformed-middle.bib",
        "collections/uses-cryptobib-macros.bib",
        "collections/scanner-edges.bib",
    };

    [Theory]
    [MemberData(nameof(Files))]
    public void Loading_a_file_gives_the_golden_result(string relative)
    {
        var path = CollectionsTestData.PathOf(relative);
        Check(Path.GetFileNameWithoutExtension(relative), Dump(path, File.ReadAllText(path)));
    }

    [Fact]
    public void Invalid_utf8_gives_the_golden_result()
    {
        using var folder = new TemporaryFolder();
        var path = Path.Combine(folder.Path, "invalid.bib");
        File.WriteAllBytes(path, InvalidUtf8);
        Check("invalid-utf8", Dump(path, Encoding.UTF8.GetString(InvalidUtf8)));
    }

    internal static byte[] InvalidUtf8 =>
    [
        .. "% invalid bytes follow\n@misc{first, title = {Caf\u00e9 "u8, 0xC3, .. " truncated}}\n"u8,
        .. "@misc{second, title = {Lone "u8, 0xFF, 0xFE, .. " bytes \u00e9}, abstract = {Bad "u8, 0xE2, 0x82, .. " abstract}}\n"u8,
        .. "x "u8, 0xF0, 0x9F, .. " @misc{third, title = {After a broken emoji on the line}}\n"u8,
        .. "@misc{last, title = {Ends in a cut sequence}}\n"u8, 0xE2,
    ];

    /// <summary>The parse (entries with every field, macros, problems) and the load (papers, problems) of one file.</summary>
    internal static string Dump(string path, string text)
    {
        var output = new StringBuilder();
        var document = BibTexParser.Parse(Path.GetFileName(path), text);
        output.Append("# entries\n");
        foreach (var entry in document.Entries)
        {
            output.Append($"@{entry.Type}{{{entry.Key}}} line {entry.Line}\n");
            foreach (var (name, value) in entry.Fields)
            {
                output.Append($"  {name} = {value.ReplaceLineEndings("\\n")}\n");
            }
        }

        output.Append("# macros\n");
        foreach (var (name, value) in document.Macros.OrderBy(m => m.Key, StringComparer.Ordinal))
        {
            output.Append($"  {name} = {value.ReplaceLineEndings("\\n")}\n");
        }

        output.Append("# parse problems\n");
        foreach (var p in document.Problems)
        {
            output.Append($"  {p.Line}:{p.Column} {p.Code} {p.Severity} {p.Message}\n");
        }

        var result = CollectionLoader.Load(path);
        output.Append("# papers\n");
        foreach (var p in result.Papers)
        {
            output.Append("  ").Append(string.Join(" | ",
                p.Key, p.Title, string.Join("; ", p.Authors), p.Year, p.Venue, p.Abstract?.Read()?.ReplaceLineEndings("\\n"), p.Doi,
                p.Url, p.ArxivId, p.EntryType, p.KeyIsGenerated, p.Source.Line)).Append('\n');
        }

        output.Append("# load problems\n");
        foreach (var p in result.Problems)
        {
            output.Append($"  {p.Line}:{p.Column} {p.Code} {p.Severity} {p.Message}\n");
        }

        return output.ToString();
    }

    private static void Check(string name, string actual)
    {
        var path = Path.Combine(RepositoryRoot.Path, "tests", "PaperLsp.Core.Tests", "Collections", "Golden", name + ".txt");
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, actual);
            return;
        }

        Assert.True(File.Exists(path), $"Golden file {path} is missing; run the tests with UPDATE_GOLDEN=1 to create it.");
        Assert.Equal(File.ReadAllText(path).ReplaceLineEndings("\n"), actual.ReplaceLineEndings("\n"));
    }
}
