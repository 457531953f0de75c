namespace PaperLsp.Server.Tests;

/// <summary>The start's warm-up must go through a real answer and a real completion, or it warms nothing.</summary>
public sealed class StartupWarmUpTests
{
    [Fact]
    public void The_warm_up_reads_a_request_and_writes_its_answer() =>
        Assert.Contains("\"triggerCharacters\":[\"[\",\"@\"]", StartupWarmUp.AnswerOnce(), StringComparison.Ordinal);

    [Fact]
    public void The_warm_up_completes_a_title_through_the_search() => Assert.True(StartupWarmUp.CompleteOnce());
}
