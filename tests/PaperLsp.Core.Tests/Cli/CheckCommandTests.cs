namespace PaperLsp.Core.Tests.Cli;

public sealed class CheckCommandTests
{
    [Fact]
    public void Check_examples_reports_the_deliberate_mistakes_and_nothing_else()
    {
        var run = CommandRun.Start(RepositoryRoot.Path, "check", "examples");

        Golden.Check("check-examples.txt", run.Output);
        Assert.Equal(1, run.ExitCode); // the unterminated [[ is an error
        Assert.Equal("1 error, 6 warnings in 2 notes files\n", run.Error);
    }

    [Fact]
    public void Check_examples_as_json()
    {
        var run = CommandRun.Start(RepositoryRoot.Path, "check", "examples", "--format", "json");

        Golden.Check("check-examples.json", run.Output);
        Assert.Equal(string.Empty, run.Error);
    }

    [Fact]
    public void A_file_given_directly_is_printed_as_given_and_checked_against_its_folders_configuration()
    {
        var run = CommandRun.Start(RepositoryRoot.Examples, "check", "transformers.pnotes");

        Assert.StartsWith("transformers.pnotes:15:62: error PN003: ", run.Output);
        Assert.Contains("transformers.pnotes:20:1: warning PN006: ", run.Output);
        Assert.All(run.Output.TrimEnd('\n').Split('\n'), line => Assert.StartsWith("transformers.pnotes:", line));
    }

    [Fact]
    public void Only_warnings_exit_0_and_strict_makes_them_fail()
    {
        using var folder = new TemporaryFolder();
        folder.Write("refs.bib", "@article{known, title = {A Known Paper}}\n");
        folder.Write("notes.pnotes", "See [[An Unknown Paper]] and [[A known paper]].\n");

        var lenient = CommandRun.Start(folder.Path, "check");
        var strict = CommandRun.Start(folder.Path, "check", "--strict");

        Assert.Equal("./notes.pnotes:1:5: warning PN001: Unknown paper \"An Unknown Paper\": no title in the collection matches it. Did you mean \"A Known Paper\"?\n", lenient.Output);
        Assert.Equal(0, lenient.ExitCode);
        Assert.Equal(1, strict.ExitCode);
    }

    [Fact]
    public void A_missing_notes_file_is_one_line_on_stderr_and_exit_2()
    {
        var run = CommandRun.Start(RepositoryRoot.Examples, "check", "no-such-file.pnotes");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("paperlsp: no-such-file.pnotes: notes file not found\n", run.Error);
        Assert.Equal(string.Empty, run.Output);
    }

    [Fact]
    public void A_broken_configuration_is_one_line_naming_the_file_and_exit_2()
    {
        using var folder = new TemporaryFolder();
        folder.Write("paperlsp.json", "{ \"collections\": [\"refs.bib\" }\n");
        folder.Write("notes.pnotes", "Nothing here.\n");

        var run = CommandRun.Start(folder.Path, "check");

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("paperlsp: paperlsp.json:1:", run.Error);
        Assert.Contains("not valid JSON", run.Error);
        Assert.Single(run.Error.TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public void A_configured_collection_that_does_not_exist_is_a_usage_error()
    {
        using var folder = new TemporaryFolder();
        folder.Write("paperlsp.json", "// comments are fine\n{ \"collections\": [\"missing.bib\"] }\n");
        folder.Write("notes.pnotes", "Nothing here.\n");

        var run = CommandRun.Start(folder.Path, "check");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("paperlsp: missing.bib: collection named in paperlsp.json file not found\n", run.Error);
    }

    [Theory]
    [InlineData("check", "--format", "xml")]
    [InlineData("check", "--no-such-option")]
    [InlineData("frobnicate")]
    public void Usage_errors_exit_2(params string[] args)
    {
        var run = CommandRun.Start(RepositoryRoot.Examples, args);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("paperlsp: ", run.Error);
    }
}
