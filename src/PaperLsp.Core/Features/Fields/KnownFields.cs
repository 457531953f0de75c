using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;

namespace PaperLsp.Core.Features.Fields;

/// <summary>The fields FORMAT.md gives a meaning to, and what their values may be. Any other name is a custom field.</summary>
public static partial class KnownFields
{
    public const string Status = "status";
    public const string Tags = "tags";
    public const string Rating = "rating";
    public const string Added = "added";
    public const string ReadOn = "read-on";
    public const string Url = "url";
    public const string Related = "related";

    public static ImmutableArray<string> Names { get; } = [Status, Tags, Rating, Added, ReadOn, Url, Related];

    public static ImmutableArray<string> StatusValues { get; } = ["to-read", "reading", "read", "skimmed", "abandoned"];

    /// <summary>What each field holds, for completion and hover.</summary>
    public static string Describe(string name) => name switch
    {
        Status => "Reading status: " + string.Join(", ", StatusValues),
        Tags => "Comma-separated tags; a leading # is optional",
        Rating => "An integer 1–5, or n/5",
        Added => "The date the paper was added, YYYY-MM-DD",
        ReadOn => "The date the paper was read, YYYY-MM-DD",
        Url => "An absolute http(s) URL",
        Related => "Comma-separated references: [[Title]] or @key",
        _ => "A custom field",
    };

    /// <summary>Why a value is not valid for a known field, or null when it is (custom fields are always valid).</summary>
    public static string? Validate(string name, string value)
    {
        switch (name)
        {
            case Status:
                return StatusValues.Contains(value)
                    ? null
                    : $"'{value}' is not a status; use one of: {string.Join(", ", StatusValues)}";
            case Tags:
                var bad = FieldValues.SplitList(value).FirstOrDefault(t => !TagPattern().IsMatch(t));
                return bad is null ? null : $"'{bad}' is not a tag: a tag is one word (letters, digits, - and _), with an optional leading #";
            case Rating:
                var match = RatingPattern().Match(value);
                return match.Success && int.TryParse(match.Groups[1].Value, out var rating) && rating is >= 1 and <= 5
                    ? null
                    : $"'{value}' is not a rating; use an integer from 1 to 5, or n/5";
            case Added or ReadOn:
                return DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
                    ? null
                    : $"'{value}' is not a date; use YYYY-MM-DD";
            case Url:
                return Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
                    ? null
                    : $"'{value}' is not an absolute http(s) URL";
            default:
                return null;
        }
    }

    [GeneratedRegex(@"^#?[\p{L}\p{N}_][\p{L}\p{N}_\-/]*$")]
    private static partial Regex TagPattern();

    [GeneratedRegex(@"^(\d+)(?:\s*/\s*5)?$")]
    private static partial Regex RatingPattern();
}
