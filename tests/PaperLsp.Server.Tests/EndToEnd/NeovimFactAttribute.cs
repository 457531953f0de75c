namespace PaperLsp.Server.Tests.EndToEnd;

/// <summary>
/// A fact that needs Neovim: skipped with a clear message when nvim is not on PATH, except in CI (CI=true), where the
/// prerequisites install it and its absence must fail the test instead of hiding it.
/// </summary>
public sealed class NeovimFactAttribute : FactAttribute
{
    public NeovimFactAttribute()
    {
        if (NeovimLocator.Executable is null && !NeovimLocator.IsCi)
        {
            Skip = "nvim is not installed (apt-get install -y neovim); the Neovim end-to-end test needs it. In CI (CI=true) this fails instead.";
        }
    }
}
