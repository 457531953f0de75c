using System.Runtime.CompilerServices;
using PaperLsp.Core.Caching;
using PaperLsp.Core.Collections;

namespace PaperLsp.Core.Features.Diagnostics;

/// <summary>
/// The reference checks of one <see cref="PaperIndex"/>, by reference text: an edit re-checks only the texts it wrote, and
/// a file with 5,000 references does not normalize and look up 5,000 titles again at every keystroke. Lives as long as
/// its index (a reload makes a new index and so a new cache).
/// </summary>
internal sealed class ReferenceCheckCache
{
    private static readonly ConditionalWeakTable<PaperIndex, ReferenceCheckCache> Caches = new();

    private readonly BoundedMemo<(bool IsTitle, string Text), ReferenceCheck?> _checks = new(200_000);

    public static ReferenceCheckCache For(PaperIndex papers) => Caches.GetValue(papers, _ => new ReferenceCheckCache());

    public bool Contains(bool isTitle, string text) => _checks.Contains((isTitle, text));

    public ReferenceCheck? GetOrAdd(bool isTitle, string text, Func<bool, string, ReferenceCheck?> check) =>
        _checks.GetOrAdd((isTitle, text), reference => check(reference.IsTitle, reference.Text));
}
