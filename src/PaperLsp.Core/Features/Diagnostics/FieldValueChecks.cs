using System.Collections.Concurrent;
using PaperLsp.Core.Features.Fields;

namespace PaperLsp.Core.Features.Diagnostics;

/// <summary>
/// <see cref="KnownFields.Validate"/> remembered by field name and value: a notes file repeats the same few statuses, tags
/// and dates thousands of times, and parsing a date or matching a tag pattern at every keystroke for each is most of a pass.
/// </summary>
internal static class FieldValueChecks
{
    private const int Capacity = 100_000;

    private static readonly ConcurrentDictionary<(string Name, string Value), string?> Problems = new();

    public static string? Validate(string name, string value)
    {
        if (Problems.TryGetValue((name, value), out var known))
        {
            return known;
        }

        var problem = KnownFields.Validate(name, value);
        if (Problems.Count >= Capacity)
        {
            Problems.Clear();
        }

        Problems.TryAdd((name, value), problem);
        return problem;
    }
}
