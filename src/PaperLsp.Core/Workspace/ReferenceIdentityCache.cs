using System.Runtime.CompilerServices;
using PaperLsp.Core.Caching;
using PaperLsp.Core.Collections;
using PaperLsp.Core.Features.Resolution;
using PaperLsp.Core.Syntax;

namespace PaperLsp.Core.Workspace;

/// <summary>
/// The paper and identity (<see cref="ReferenceResolver.Identity"/>) of each <c>@paper</c> target text, per index: every
/// snapshot regroups the workspace's entries, and an edit should not resolve and normalize a thousand titles again.
/// </summary>
internal sealed class ReferenceIdentityCache
{
    private static readonly ConditionalWeakTable<PaperIndex, ReferenceIdentityCache> Caches = new();

    private readonly PaperIndex _papers;
    private readonly BoundedMemo<(bool IsTitle, string Text), (Paper? Paper, string Identity)> _resolved = new(200_000);

    private ReferenceIdentityCache(PaperIndex papers) => _papers = papers;

    public static ReferenceIdentityCache For(PaperIndex papers) => Caches.GetValue(papers, p => new ReferenceIdentityCache(p));

    public (Paper? Paper, string Identity) Resolve(ReferenceSyntax target)
    {
        (bool, string)? key = target switch
        {
            TitleReferenceSyntax title => (true, title.Title),
            KeyReferenceSyntax reference => (false, reference.Key),
            _ => null,
        };
        return key is null ? ResolveNow(target) : _resolved.GetOrAdd(key.Value, _ => ResolveNow(target));
    }

    private (Paper? Paper, string Identity) ResolveNow(ReferenceSyntax target)
    {
        var paper = ReferenceResolver.Resolve(_papers, target).Paper;
        return (paper, ReferenceResolver.Identity(target, paper));
    }
}
