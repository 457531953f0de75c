namespace PaperLsp.Server.Tests;

/// <summary>The start's warm-up must go through a real completion, or it warms nothing.</summary>
public sealed class CompletionWarmUpTests
{
    [Fact]
    public void The_warm_up_completes_a_title_through_the_search() => Assert.True(CompletionWarmUp.CompleteOnce());
}
