using PaperLsp.Core.Caching;
using PaperLsp.Core.Features.Fields;

namespace PaperLsp.Core.Features.Diagnostics;

/// <summary>
/// <see cref="KnownFields.Validate"/> remembered by field name and value: a notes file repeats the same few statuses, tags
/// and dates thousands of times, and parsing a date or matching a tag pattern at every keystroke for each is most of a pass.
/// </summary>
internal static class FieldValueChecks
{
    private static readonly BoundedMemo<(string Name, string Value), string?> Problems = new(100_000);

    public static string? Validate(string name, string value) =>
        Problems.GetOrAdd((name, value), field => KnownFields.Validate(field.Name, field.Value));
}
