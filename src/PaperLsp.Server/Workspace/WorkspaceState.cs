using System.Collections.Immutable;
using PaperLsp.Core.Collections;
using PaperLsp.Core.Workspace;
using PaperLsp.Server.Conversion;

namespace PaperLsp.Server.Workspace;

/// <summary>
/// The server's mutable cell around the immutable <see cref="WorkspaceSnapshot"/>. Mutations are applied one at a time
/// under a lock, at the arrival of the message that causes them (the dispatcher runs handlers in arrival order), so a read
/// that arrives after a didChange always sees it. Slow work (reading files, loading collections) happens outside, and only
/// its result is applied as a mutation. Also holds what the core does not know: the client's URI of each open document,
/// the workspace folders and the configuration problems.
/// </summary>
public sealed class WorkspaceState
{
    private readonly object _gate = new();
    private WorkspaceSnapshot _snapshot = WorkspaceSnapshot.Empty;
    private ImmutableDictionary<string, string> _openUris = ImmutableDictionary.Create<string, string>(FileUri.PathComparer);
    private ImmutableArray<string> _folders = [];
    private ImmutableArray<CollectionProblem> _configurationProblems = [];
    private long _generation;

    /// <summary>Raised after every mutation, outside the lock.</summary>
    public event Action? Changed;

    public WorkspaceSnapshot Current => Volatile.Read(ref _snapshot);

    public ImmutableArray<string> Folders => _folders;

    public ImmutableArray<CollectionProblem> ConfigurationProblems => _configurationProblems;

    public ImmutableDictionary<string, string> OpenUris => _openUris;

    /// <summary>Increases with each mutation; lets background work notice it was overtaken.</summary>
    public long Generation => Interlocked.Read(ref _generation);

    public void Mutate(Func<WorkspaceSnapshot, WorkspaceSnapshot> change)
    {
        lock (_gate)
        {
            Volatile.Write(ref _snapshot, change(_snapshot));
            Interlocked.Increment(ref _generation);
        }

        Changed?.Invoke();
    }

    public void SetOpenUri(string path, string? uri)
    {
        lock (_gate)
        {
            _openUris = uri is null ? _openUris.Remove(path) : _openUris.SetItem(path, uri);
        }
    }

    public void SetFolders(IEnumerable<string> folders)
    {
        lock (_gate)
        {
            _folders = folders.Distinct(FileUri.PathComparer).ToImmutableArray();
        }
    }

    public void SetConfigurationProblems(ImmutableArray<CollectionProblem> problems)
    {
        lock (_gate)
        {
            _configurationProblems = problems;
        }

        Changed?.Invoke();
    }

    /// <summary>The URI to publish for a path: the client's own for open documents, a built one otherwise.</summary>
    public string UriOf(string path) => _openUris.TryGetValue(path, out var uri) ? uri : FileUri.FromPath(path);
}
