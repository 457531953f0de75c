using System.Collections.Concurrent;

namespace PaperLsp.Core.Caching;

/// <summary>
/// Answers remembered by key, for a computation over something that does not change (an index, the field rules):
/// thread-safe, and bounded — once it holds <c>capacity</c> answers it forgets them all, so a long session of typing,
/// where every prefix is a new key, cannot grow it without limit.
/// </summary>
public sealed class BoundedMemo<TKey, TValue>(int capacity)
    where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, TValue> _answers = new();

    public bool Contains(TKey key) => _answers.ContainsKey(key);

    public TValue GetOrAdd(TKey key, Func<TKey, TValue> compute)
    {
        if (_answers.TryGetValue(key, out var known))
        {
            return known;
        }

        var answer = compute(key);
        if (_answers.Count >= capacity)
        {
            _answers.Clear();
        }

        _answers.TryAdd(key, answer);
        return answer;
    }
}
