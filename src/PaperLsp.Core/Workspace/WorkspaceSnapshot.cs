using System.Collections.Immutable;
using PaperLsp.Core.Collections;
using PaperLsp.Core.Features.Fields;

namespace PaperLsp.Core.Workspace;

/// <summary>
/// Everything the features read, frozen: the notes documents (open ones with the editor's text, others from disk), the
/// merged paper index and the configuration. Every change makes a new snapshot; workspace-wide facts (which papers are noted
/// where, the tags in use) are computed on first use and cached in the snapshot, so concurrent readers share them.
/// </summary>
public sealed class WorkspaceSnapshot
{
    private readonly Lazy<ILookup<string, NotedPaper>> _notedPapers;
    private readonly Lazy<ImmutableArray<(string Tag, int Uses)>> _tags;

    private WorkspaceSnapshot(
        ImmutableDictionary<string, NotesDocument> documents,
        PaperIndex papers,
        bool papersLoaded,
        PaperLspConfiguration configuration)
    {
        Documents = documents;
        Papers = papers;
        PapersLoaded = papersLoaded;
        Configuration = configuration;
        _notedPapers = new Lazy<ILookup<string, NotedPaper>>(ComputeNotedPapers);
        _tags = new Lazy<ImmutableArray<(string Tag, int Uses)>>(ComputeTags);
    }

    public static WorkspaceSnapshot Empty { get; } = new(
        ImmutableDictionary.Create<string, NotesDocument>(PathComparer), PaperIndex.Empty, false, PaperLspConfiguration.Empty);

    /// <summary>Paths compare case-sensitively, as on the file systems the server runs on by default.</summary>
    public static StringComparer PathComparer => StringComparer.Ordinal;

    public ImmutableDictionary<string, NotesDocument> Documents { get; }

    public PaperIndex Papers { get; }

    /// <summary>False until the collections were loaded once: unknown-reference diagnostics wait for it.</summary>
    public bool PapersLoaded { get; }

    public PaperLspConfiguration Configuration { get; }

    public NotesDocument? GetDocument(string path) => Documents.GetValueOrDefault(path);

    public WorkspaceSnapshot WithDocument(NotesDocument document) =>
        new(Documents.SetItem(document.Path, document), Papers, PapersLoaded, Configuration);

    public WorkspaceSnapshot WithoutDocument(string path) =>
        new(Documents.Remove(path), Papers, PapersLoaded, Configuration);

    public WorkspaceSnapshot WithPapers(PaperIndex papers) => new(Documents, papers, true, Configuration);

    public WorkspaceSnapshot WithConfiguration(PaperLspConfiguration configuration) =>
        new(Documents, Papers, PapersLoaded, configuration);

    /// <summary>The <c>@paper</c> entries of every document noting the paper with this identity (see <see cref="NotedPaper.Identity"/>).</summary>
    public IEnumerable<NotedPaper> EntriesNoting(string identity) => _notedPapers.Value[identity];

    /// <summary>Every <c>@paper</c> entry of the workspace, grouped by the paper it notes.</summary>
    public ILookup<string, NotedPaper> NotedPapers => _notedPapers.Value;

    /// <summary>The tags used in the workspace's <c>tags:</c> fields, most used first.</summary>
    public ImmutableArray<string> Tags => _tags.Value.Select(t => t.Tag).ToImmutableArray();

    /// <summary>How many tag values of the workspace use each tag (a tag written twice in one field counts twice), most used first.</summary>
    public ImmutableArray<(string Tag, int Uses)> TagUses => _tags.Value;

    private ILookup<string, NotedPaper> ComputeNotedPapers()
    {
        var identities = ReferenceIdentityCache.For(Papers);
        return Documents.Values
            .OrderBy(d => d.Path, PathComparer)
            .SelectMany(d => d.Syntax.Entries
                .Where(e => e.Target is not null)
                .Select(e =>
                {
                    var (paper, identity) = identities.Resolve(e.Target!);
                    return new NotedPaper(d.Path, e, paper, identity);
                }))
            .ToLookup(n => n.Identity, StringComparer.Ordinal);
    }

    private ImmutableArray<(string Tag, int Uses)> ComputeTags() =>
        Documents.Values
            .SelectMany(d => d.Syntax.Entries)
            .Select(e => e.Field("tags"))
            .Where(f => f is not null)
            .SelectMany(f => FieldValues.SplitList(f!.Value))
            .Select(t => t.TrimStart('#'))
            .Where(t => t.Length > 0)
            .GroupBy(t => t, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (g.Key, g.Count()))
            .ToImmutableArray();
}
