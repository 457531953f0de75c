using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
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
    private const int Capacity = 200_000;

    private static readonly ConditionalWeakTable<PaperIndex, ReferenceIdentityCache> Caches = new();

    private readonly PaperIndex _papers;
    private readonly ConcurrentDictionary<(bool IsTitle, string Text), (Paper? Paper, string Identity)> _resolved = new();

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
        if (key is null)
        {
            var paper = ReferenceResolver.Resolve(_papers, target).Paper;
            return (paper, ReferenceResolver.Identity(target, paper));
        }

        if (_resolved.TryGetValue(key.Value, out var known))
        {
            return known;
        }

        var found = ReferenceResolver.Resolve(_papers, target).Paper;
        var resolved = (found, ReferenceResolver.Identity(target, found));
        if (_resolved.Count >= Capacity)
        {
            _resolved.Clear();
        }

        _resolved.TryAdd(key.Value, resolved);
        return resolved;
    }
}
