using System.Collections.Immutable;
using PaperLsp.Core.Features.Resolution;
using PaperLsp.Core.Workspace;

namespace PaperLsp.Core.Features.Navigation;

/// <summary>
/// Go to definition on a reference: the paper's entry in each collection file it came from, then the <c>@paper</c> entries
/// that note it (except the one the cursor is on).
/// </summary>
public static class DefinitionProvider
{
    public static ImmutableArray<NavigationTarget> Find(WorkspaceSnapshot snapshot, string path, int offset)
    {
        var reference = snapshot.GetDocument(path)?.Syntax.ReferenceAt(offset);
        if (reference is null)
        {
            return ImmutableArray<NavigationTarget>.Empty;
        }

        var paper = ReferenceResolver.Resolve(snapshot.Papers, reference).Paper;
        var targets = ImmutableArray.CreateBuilder<NavigationTarget>();
        if (paper is not null)
        {
            targets.AddRange(new[] { paper.Source }.Concat(paper.OtherSources).Select(s => new NavigationTarget(s.FilePath, null, s.Line)));
        }

        targets.AddRange(snapshot.EntriesNoting(ReferenceResolver.Identity(reference, paper))
            .Where(n => !(n.DocumentPath == path && n.Entry.Target == reference))
            .Select(n => new NavigationTarget(n.DocumentPath, n.Entry.Target!.Span, null)));
        return targets.ToImmutable();
    }
}
