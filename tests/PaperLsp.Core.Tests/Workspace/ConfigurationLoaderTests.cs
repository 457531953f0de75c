using Newtonsoft.Json.Linq;
using PaperLsp.Core.Workspace;

namespace PaperLsp.Core.Tests.Workspace;

/// <summary>paperlsp.json and editor settings: the configuration read, and every problem as <c>line:col code message</c>.</summary>
public sealed class ConfigurationLoaderTests
{
    private const string ConfigPath = "/ws/paperlsp.json";

    [Fact]
    public void Comments_are_allowed()
    {
        var (configuration, problems) = ConfigurationLoader.Parse(
            """
            // the collections of this workspace
            {
              "collections": ["refs.bib", /* the listing */ "papers.txt", "bib/**/*.bib"],
              "diagnostics": { "unknown-reference": "warning", "PN005": "off" }
            }
            """,
            ConfigPath);
        Assert.Empty(problems);
        Assert.Equal(["refs.bib", "papers.txt", "bib/**/*.bib"], configuration.Collections.ToArray());
        Assert.Equal(["/ws/refs.bib", "/ws/papers.txt", "/ws/bib/**/*.bib"], configuration.ResolvedCollections().ToArray());
        Assert.Equal(DiagnosticSeveritySetting.Warning, configuration.Diagnostics["unknown-reference"]);
        Assert.Equal(DiagnosticSeveritySetting.Off, configuration.Diagnostics["pn005"]);
        Assert.Equal(ConfigPath, configuration.SourcePath);
    }

    [Fact]
    public void Bad_json_is_PN020_with_its_line()
    {
        var (configuration, problems) = ConfigurationLoader.Parse(
            """
            {
              "collections": ["refs.bib",
              "diagnostics": {
            """,
            ConfigPath);
        var problem = Assert.Single(problems);
        Assert.Equal(("PN020", 3), (problem.Code, problem.Line));
        Assert.StartsWith("paperlsp.json is not valid JSON: ", problem.Message);
        Assert.True(configuration.Collections.IsEmpty);
    }

    [Fact]
    public void Trailing_comma_is_accepted_as_json_with_comments_allows()
    {
        var (configuration, problems) = ConfigurationLoader.Parse("""{ "collections": ["a.bib",], }""", ConfigPath);
        Assert.Empty(problems);
        Assert.Equal(["a.bib"], configuration.Collections.ToArray());
    }

    [Fact]
    public void Unknown_keys_are_warnings_and_the_rest_applies()
    {
        var (configuration, problems) = ConfigurationLoader.Parse(
            """
            {
              "colections": ["typo.bib"],
              "collections": ["refs.bib"]
            }
            """,
            ConfigPath);
        Assert.Equal("2:3 PN020 Warning Unknown setting 'colections' (known: collections, diagnostics)", Render(problems));
        Assert.Equal(["refs.bib"], configuration.Collections.ToArray());
    }

    [Fact]
    public void Bad_severities_and_unknown_diagnostics() => CheckProblems(
        """
        {
          "diagnostics": {
            "PN001": "loud",
            "no-such-thing": "off",
            "PN002": 3,
            "PN003": "Error"
          }
        }
        """,
        """
        3:14 PN020 Error 'loud' is not a severity for PN001; use error, warning, information, hint or off
        4:5 PN020 Warning Unknown diagnostic 'no-such-thing'
        5:14 PN020 Error '3' is not a severity for PN002; use error, warning, information, hint or off
        """);

    [Fact]
    public void Collections_must_be_paths() => CheckProblems(
        """
        { "collections": ["a.bib", 3, "", null] }
        """,
        """
        1:28 PN020 Error Each entry of 'collections' must be a file path or glob
        1:31 PN020 Error Each entry of 'collections' must be a file path or glob
        1:35 PN020 Error Each entry of 'collections' must be a file path or glob
        """);

    [Fact]
    public void Not_an_object() => CheckProblems("[1, 2]", "1:1 PN020 Error The configuration must be a JSON object");

    [Fact]
    public void Editor_settings_add_to_the_file_and_their_severities_win()
    {
        var (file, _) = ConfigurationLoader.Parse("""{ "collections": ["refs.bib"], "diagnostics": { "PN001": "error", "PN005": "hint" } }""", ConfigPath);
        var (editor, problems) = ConfigurationLoader.FromJson(
            JToken.Parse("""{ "collections": ["/library/zotero.json", "refs.bib"], "diagnostics": { "PN001": "off" } }"""),
            "/ws");
        Assert.Empty(problems);
        var merged = file.Merge(editor);
        Assert.Equal(["/ws/refs.bib", "/library/zotero.json"], merged.Collections.ToArray());
        Assert.Equal(DiagnosticSeveritySetting.Off, merged.Diagnostics["PN001"]);
        Assert.Equal(DiagnosticSeveritySetting.Hint, merged.Diagnostics["PN005"]);
    }

    [Fact]
    public void Missing_file_gives_the_defaults()
    {
        var directory = Directory.CreateTempSubdirectory("paperlsp-config-");
        try
        {
            var (configuration, problems) = ConfigurationLoader.Load(directory.FullName);
            Assert.Empty(problems);
            Assert.True(configuration.Collections.IsEmpty);
            Assert.Equal(directory.FullName, configuration.BaseDirectory);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private static void CheckProblems(string json, string expected) =>
        Assert.Equal(expected.Trim(), Render(ConfigurationLoader.Parse(json, ConfigPath).Problems));

    private static string Render(IEnumerable<PaperLsp.Core.Collections.CollectionProblem> problems) =>
        string.Join("\n", problems.Select(p =>
        {
            Assert.Equal(ConfigPath, p.FilePath);
            return $"{p.Line}:{p.Column} {p.Code} {p.Severity} {p.Message}";
        }));
}
