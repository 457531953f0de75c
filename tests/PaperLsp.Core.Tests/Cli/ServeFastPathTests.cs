using PaperLsp.Cli;

namespace PaperLsp.Core.Tests.Cli;

/// <summary>`paperlsp serve` as editors start it skips the command-line parser; anything else still goes through it.</summary>
public sealed class ServeFastPathTests
{
    [Theory]
    [InlineData(true, "serve")]
    [InlineData(true, "serve", "--stdio")]
    [InlineData(false, "serve", "--help")]
    [InlineData(false, "serve", "--stdio", "--verbose")]
    [InlineData(false, "--stdio", "serve")]
    [InlineData(false, "check")]
    [InlineData(false)]
    public void Only_plain_serve_takes_the_fast_path(bool fast, params string[] args) =>
        Assert.Equal(fast, Program.IsServe(args));

    [Fact]
    public void Serve_with_an_unknown_option_is_still_a_usage_error()
    {
        var run = CommandRun.Start(Path.GetTempPath(), "serve", "--stdio", "--verbose");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--verbose", run.Error, StringComparison.Ordinal);
    }
}
