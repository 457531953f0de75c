namespace PaperLsp.Server.Tests.EndToEnd;

/// <summary>Finds <c>nvim</c> on PATH, and knows whether a missing one may skip the test (locally) or must fail it (CI).</summary>
internal static class NeovimLocator
{
    public static string? Executable { get; } = Find();

    /// <summary>CI installs Neovim (scripts/install-prereqs.sh), so there a missing nvim is a failure, not a skip.</summary>
    public static bool IsCi { get; } =
        string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase) ||
        Environment.GetEnvironmentVariable("CI") == "1";

    private static string? Find()
    {
        foreach (var directory in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var name in OperatingSystem.IsWindows() ? new[] { "nvim.exe" } : ["nvim"])
            {
                var candidate = Path.Combine(directory, name);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }
}
