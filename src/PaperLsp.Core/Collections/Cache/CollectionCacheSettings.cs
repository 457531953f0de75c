namespace PaperLsp.Core.Collections.Cache;

/// <summary>
/// Where the collection cache lives and whether it is used. From the environment: PAPERLSP_CACHE=off disables it;
/// PAPERLSP_CACHE_DIR names the folder; otherwise $XDG_CACHE_HOME/paperlsp, else ~/.cache/paperlsp.
/// </summary>
public sealed record CollectionCacheSettings(bool Enabled, string Directory)
{
    public const string DatabaseFileName = "collections.db";

    public string DatabasePath => Path.Combine(Directory, DatabaseFileName);

    public static CollectionCacheSettings Disabled { get; } = new(false, string.Empty);

    public static CollectionCacheSettings FromEnvironment() => FromVariables(Environment.GetEnvironmentVariable);

    /// <summary>Reads the variables through <paramref name="variable"/> (tests pass a dictionary).</summary>
    public static CollectionCacheSettings FromVariables(Func<string, string?> variable)
    {
        var switchValue = variable("PAPERLSP_CACHE")?.Trim();
        if (string.Equals(switchValue, "off", StringComparison.OrdinalIgnoreCase) || switchValue is "0" or "false")
        {
            return Disabled;
        }

        if (variable("PAPERLSP_CACHE_DIR") is { Length: > 0 } explicitDirectory)
        {
            return new CollectionCacheSettings(true, Path.GetFullPath(explicitDirectory));
        }

        if (variable("XDG_CACHE_HOME") is { Length: > 0 } xdg && Path.IsPathRooted(xdg))
        {
            return new CollectionCacheSettings(true, Path.Combine(xdg, "paperlsp"));
        }

        var home = variable("HOME") is { Length: > 0 } h ? h : Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        return string.IsNullOrEmpty(home)
            ? Disabled
            : new CollectionCacheSettings(true, Path.Combine(home, ".cache", "paperlsp"));
    }
}
