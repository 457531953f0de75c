using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace PaperLsp.Core.Collections;

/// <summary>
/// The fields of one entry, names case-insensitive, in file order: a flat array of name/value pairs. Every entry of a
/// file is held until its papers are built (a crossref parent may come after its children), and a dictionary per entry
/// cost more than its values; a linear scan of ten-odd names is as fast as hashing them.
/// </summary>
internal sealed class BibTexFields : IReadOnlyDictionary<string, string>
{
    private readonly string[] _pairs;

    /// <param name="pairs">Name, value, name, value, …; names distinct ignoring case.</param>
    public BibTexFields(string[] pairs)
    {
        _pairs = pairs;
    }

    public int Count => _pairs.Length / 2;

    public IEnumerable<string> Keys => Enumerable.Range(0, Count).Select(i => _pairs[2 * i]);

    public IEnumerable<string> Values => Enumerable.Range(0, Count).Select(i => _pairs[2 * i + 1]);

    public string this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"No field '{key}'.");

    public bool ContainsKey(string key) => IndexOf(_pairs, _pairs.Length, key) >= 0;

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out string value)
    {
        var index = IndexOf(_pairs, _pairs.Length, key);
        value = index >= 0 ? _pairs[index + 1] : null;
        return index >= 0;
    }

    public IEnumerator<KeyValuePair<string, string>> GetEnumerator()
    {
        for (var i = 0; i < _pairs.Length; i += 2)
        {
            yield return new KeyValuePair<string, string>(_pairs[i], _pairs[i + 1]);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>The index of <paramref name="name"/>'s pair among the first <paramref name="length"/> items, or -1.</summary>
    internal static int IndexOf(string[] pairs, int length, string name)
    {
        for (var i = 0; i < length; i += 2)
        {
            if (string.Equals(pairs[i], name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }
}
