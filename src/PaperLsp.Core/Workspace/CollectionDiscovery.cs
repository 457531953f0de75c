using System.Collections.Immutable;
using Microsoft.Extensions.FileSystemGlobbing;

namespace PaperLsp.Core.Workspace;

/// <summary>
/// Which files are collections: the configured paths and globs (relative to the configuration's folder), or, with none
/// configured, every <c>*.bib</c> and <c>*.csl.json</c> under the workspace folder, skipping .git, node_modules, bin and obj.
/// A configured path that does not exist is still returned, so that loading reports it.
/// </summary>
public static class CollectionDiscovery
{
    public static ImmutableArray<string> SkippedDirectories { get; } = [".git", "node_modules", "bin", "obj"];

    public static ImmutableArray<string> Find(PaperLspConfiguration configuration, string folder)
    {
        var found = new List<string>();
        if (configuration.Collections.IsEmpty)
        {
            found.AddRange(Glob(folder, ["**/*.bib", "**/*.csl.json"]));
        }
        else
        {
            foreach (var pattern in configuration.ResolvedCollections())
            {
                if (IsGlob(pattern))
                {
                    var (root, relative) = SplitAtFirstWildcard(pattern);
                    found.AddRange(Glob(root, [relative]));
                }
                else
                {
                    found.Add(Path.GetFullPath(pattern));
                }
            }
        }

        return found.Distinct(StringComparer.Ordinal).ToImmutableArray();
    }

    /// <summary>Whether a file is one the default discovery (no collections configured) picks: *.bib or *.csl.json.</summary>
    public static bool IsDefaultCollection(string path) =>
        path.EndsWith(".bib", StringComparison.OrdinalIgnoreCase)
        || path.EndsWith(".csl.json", StringComparison.OrdinalIgnoreCase);

    private static bool IsGlob(string pattern) => pattern.IndexOfAny(['*', '?', '[']) >= 0;

    private static (string Root, string Relative) SplitAtFirstWildcard(string pattern)
    {
        var normalized = pattern.Replace('\\', '/');
        var wildcard = normalized.IndexOfAny(['*', '?', '[']);
        var slash = normalized.LastIndexOf('/', wildcard);
        return slash < 0 ? (".", normalized) : (normalized[..slash], normalized[(slash + 1)..]);
    }

    private static IEnumerable<string> Glob(string root, string[] patterns)
    {
        if (!Directory.Exists(root))
        {
            return Array.Empty<string>();
        }

        var matcher = new Matcher(StringComparison.Ordinal);
        matcher.AddIncludePatterns(patterns);
        matcher.AddExcludePatterns(SkippedDirectories.Select(d => $"**/{d}/**"));
        try
        {
            return matcher.GetResultsInFullPath(root).OrderBy(p => p, StringComparer.Ordinal).ToArray();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Array.Empty<string>();
        }
    }
}
