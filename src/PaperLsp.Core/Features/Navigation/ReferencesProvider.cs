using System.Collections.Immutable;
using PaperLsp.Core.Features.Resolution;
using PaperLsp.Core.Workspace;

namespace PaperLsp.Core.Features.Navigation;

/// <summary>Find references: every mention of the same paper in the workspace's notes, in file and text order.</summary>
public static class ReferencesProvider
{
    /// <param name="includeDeclaration">Whether the <c>@paper</c> headers noting the paper count as references too.</param>
    public static ImmutableArray<NavigationTarget> Find(WorkspaceSnapshot snapshot, string path, int offset, bool includeDeclaration)
    {
        var reference = snapshot.GetDocument(path)?.Syntax.ReferenceAt(offset);
        if (reference is null)
        {
            return ImmutableArray<NavigationTarget>.Empty;
        }

        var identity = ReferenceResolver.Identity(reference, ReferenceResolver.Resolve(snapshot.Papers, reference).Paper);
        var targets = ImmutableArray.CreateBuilder<NavigationTarget>();
        foreach (var document in snapshot.Documents.Values.OrderBy(d => d.Path, WorkspaceSnapshot.PathComparer))
        {
            var headers = document.Syntax.Entries.Select(e => e.Target).Where(t => t is not null).ToHashSet();
            foreach (var candidate in document.Syntax.References)
            {
                if (!includeDeclaration && headers.Contains(candidate))
                {
                    continue;
                }

                if (ReferenceResolver.Identity(candidate, ReferenceResolver.Resolve(snapshot.Papers, candidate).Paper) == identity)
                {
                    targets.Add(new NavigationTarget(document.Path, candidate.Span, null));
                }
            }
        }

        return targets.ToImmutable();
    }
}
