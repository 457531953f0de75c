using System.Collections.Immutable;
using PaperLsp.Core.Collections;
using PaperLsp.Core.Collections.Cache;
using PaperLsp.Core.Features.Diagnostics;
using PaperLsp.Core.Workspace;

namespace PaperLsp.Cli.Commands;

/// <summary>
/// What a command works on: the configuration found from a folder upwards (paperlsp.json), the collections it names (or
/// the ones given with --collection), loaded and merged. Missing or unreadable inputs and a broken configuration are
/// usage errors (<see cref="UsageException"/>), never stack traces.
/// </summary>
public sealed class CommandWorkspace
{
    private readonly CachedCollectionLoader _cache;

    private CommandWorkspace(string root, PaperLspConfiguration configuration, ImmutableArray<CollectionProblem> configurationProblems, PaperIndex papers, CachedCollectionLoader cache)
    {
        _cache = cache;
        Root = root;
        Configuration = configuration;
        ConfigurationProblems = configurationProblems;
        Papers = papers;
    }

    /// <summary>The folder the configuration was found in (or the starting folder when there is none).</summary>
    public string Root { get; }

    public PaperLspConfiguration Configuration { get; }

    /// <summary>Warnings about the configuration (unknown settings); errors are thrown as usage errors instead.</summary>
    public ImmutableArray<CollectionProblem> ConfigurationProblems { get; }

    public PaperIndex Papers { get; }

    /// <param name="startDirectory">Where to look for paperlsp.json, upwards.</param>
    /// <param name="explicitCollections">Collections given on the command line; when any, they replace the configured ones.</param>
    public static CommandWorkspace Open(string startDirectory, IReadOnlyList<string> explicitCollections)
    {
        var (root, configuration, problems, collections) = Resolve(startDirectory, explicitCollections);
        var cache = CachedCollectionLoader.FromEnvironment();
        return new CommandWorkspace(root, configuration, problems, CollectionSetLoader.LoadAll(collections, read: cache.Load), cache);
    }

    /// <summary>
    /// The ranked search of <see cref="PaperIndex.Search"/> over the workspace's papers without loading them, when its one
    /// collection is in the cache as it is now: only the cached search index and the printed papers are read. Null when
    /// there is more than one collection (their papers merge) or the cache cannot answer; then <see cref="Open"/> does.
    /// Usage errors are the same as <see cref="Open"/>'s.
    /// </summary>
    public static IReadOnlyList<(Paper Paper, int Score)>? TrySearchCached(string startDirectory, IReadOnlyList<string> explicitCollections, string query, int limit)
    {
        var collections = Resolve(startDirectory, explicitCollections).Collections;
        return collections.Count == 1 ? CachedCollectionLoader.FromEnvironment().TrySearchCached(collections[0], query, limit) : null;
    }

    private static (string Root, PaperLspConfiguration Configuration, ImmutableArray<CollectionProblem> Problems, IReadOnlyList<string> Collections) Resolve(
        string startDirectory, IReadOnlyList<string> explicitCollections)
    {
        var configPath = ConfigurationLoader.FindUpwards(startDirectory);
        var root = configPath is null ? Path.GetFullPath(startDirectory) : Path.GetDirectoryName(configPath)!;
        var (configuration, problems) = configPath is null
            ? (PaperLspConfiguration.Empty with { BaseDirectory = root }, ImmutableArray<CollectionProblem>.Empty)
            : ReadConfiguration(configPath);

        var firstError = problems.FirstOrDefault(p => p.Severity == ProblemSeverity.Error);
        if (firstError is not null)
        {
            throw new UsageException($"{Display(firstError.FilePath)}:{firstError.Line}:{firstError.Column}: {firstError.Message}");
        }

        IReadOnlyList<string> collections;
        if (explicitCollections.Count > 0)
        {
            collections = explicitCollections.Select(c => RequireReadable(c, "collection")).ToArray();
        }
        else
        {
            collections = CollectionDiscovery.Find(configuration, root);
            foreach (var configured in collections)
            {
                RequireReadable(configured, $"collection named in {Display(configPath ?? root)}");
            }
        }

        return (root, configuration, problems, collections);
    }

    /// <summary>Writes collections that were parsed (not found in the cache) to the cache; commands call it after their output.</summary>
    public void PersistCache() => _cache.PersistPending(served: Papers);

    /// <summary>The collection problems with the configured severities ('off' removed).</summary>
    public ImmutableArray<CollectionProblem> CollectionProblems() =>
        DiagnosticsProvider.CollectionProblems(WorkspaceSnapshot.Empty.WithConfiguration(Configuration).WithPapers(Papers));

    /// <summary>Fails with a usage error naming the file unless it exists and can be opened for reading.</summary>
    public static string RequireReadable(string path, string what)
    {
        var full = Path.GetFullPath(path);
        if (Directory.Exists(full))
        {
            throw new UsageException($"{Display(path)}: is a directory, not a {what} file");
        }

        if (!File.Exists(full))
        {
            throw new UsageException($"{Display(path)}: {what} file not found");
        }

        try
        {
            using var stream = File.OpenRead(full);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"{Display(path)}: cannot read {what} file: {e.Message}");
        }

        return full;
    }

    /// <summary>A path for output: relative to the current directory when it is under it, else as it is.</summary>
    public static string Display(string path)
    {
        if (!Path.IsPathRooted(path))
        {
            return path;
        }

        var relative = Path.GetRelativePath(Directory.GetCurrentDirectory(), path);
        return relative.StartsWith("..", StringComparison.Ordinal) ? path : relative;
    }

    private static (PaperLspConfiguration, ImmutableArray<CollectionProblem>) ReadConfiguration(string path)
    {
        try
        {
            return ConfigurationLoader.Parse(File.ReadAllText(path), path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"{Display(path)}: cannot read configuration: {e.Message}");
        }
    }
}
