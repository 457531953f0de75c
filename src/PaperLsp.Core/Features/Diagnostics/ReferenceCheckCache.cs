using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using PaperLsp.Core.Collections;

namespace PaperLsp.Core.Features.Diagnostics;

/// <summary>
/// The reference checks of one <see cref="PaperIndex"/>, by reference text: an edit re-checks only the texts it wrote, and
/// a file with 5,000 references does not normalize and look up 5,000 titles again at every keystroke. Lives as long as
/// its index (a reload makes a new index and so a new cache).
/// </summary>
internal sealed class ReferenceCheckCache
{
    // Bounded so a long session of typing into references (every prefix is a new text) cannot grow it without limit.
    private const int Capacity = 200_000;

    private static readonly ConditionalWeakTable<PaperIndex, ReferenceCheckCache> Caches = new();

    private readonly ConcurrentDictionary<(bool IsTitle, string Text), ReferenceCheck?> _checks = new();

    public static ReferenceCheckCache For(PaperIndex papers) => Caches.GetValue(papers, _ => new ReferenceCheckCache());

    public bool Contains(bool isTitle, string text) => _checks.ContainsKey((isTitle, text));

    public ReferenceCheck? GetOrAdd(bool isTitle, string text, Func<bool, string, ReferenceCheck?> check)
    {
        if (_checks.TryGetValue((isTitle, text), out var known))
        {
            return known;
        }

        var found = check(isTitle, text);
        if (_checks.Count >= Capacity)
        {
            _checks.Clear();
        }

        _checks.TryAdd((isTitle, text), found);
        return found;
    }
}
