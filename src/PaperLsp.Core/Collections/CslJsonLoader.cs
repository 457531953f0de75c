using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace PaperLsp.Core.Collections;

/// <summary>
/// Reads CSL-JSON (an array of items, as Zotero, pandoc and citation.js write it) one item at a time.
/// id → key, title, author (family/given/particles/suffix, or literal), issued (date-parts, raw or literal) → year,
/// container-title → venue, abstract, DOI, URL, and an arXiv id found in number, URL, DOI, note or archive fields.
/// Rich-text markup CSL allows in titles (&lt;i&gt;, &lt;b&gt;, &lt;sup&gt;, &lt;span class="nocase"&gt;…) is removed.
/// Bad JSON gives one PN015 at its line and column; the items read before it are kept.
/// </summary>
public static partial class CslJsonLoader
{
    public static CollectionLoadResult Load(string filePath, string text)
    {
        var items = new List<(JObject Item, int Line)>();
        var problems = ImmutableArray.CreateBuilder<CollectionProblem>();
        try
        {
            using var reader = new JsonTextReader(new StringReader(text ?? string.Empty))
            {
                DateParseHandling = DateParseHandling.None,
                FloatParseHandling = FloatParseHandling.Decimal,
                MaxDepth = 256,
            };
            var settings = new JsonLoadSettings
            {
                LineInfoHandling = LineInfoHandling.Load,
                CommentHandling = CommentHandling.Ignore,
                DuplicatePropertyNameHandling = DuplicatePropertyNameHandling.Ignore,
            };

            if (!ReadSkippingComments(reader))
            {
                problems.Add(Unreadable(filePath, 1, 1, "The file is empty; a CSL-JSON collection is an array of items."));
                return new CollectionLoadResult(filePath, ImmutableArray<Paper>.Empty, problems.ToImmutable());
            }

            if (reader.TokenType != JsonToken.StartArray)
            {
                problems.Add(Unreadable(filePath, reader.LineNumber, Math.Max(1, reader.LinePosition),
                    $"A CSL-JSON collection is an array of items, but the file starts with {Describe(reader.TokenType)}."));
                return new CollectionLoadResult(filePath, ImmutableArray<Paper>.Empty, problems.ToImmutable());
            }

            while (ReadSkippingComments(reader) && reader.TokenType != JsonToken.EndArray)
            {
                var line = reader.LineNumber;
                var column = Math.Max(1, reader.LinePosition);
                var token = JToken.Load(reader, settings);
                if (token is JObject item)
                {
                    items.Add((item, line));
                }
                else
                {
                    problems.Add(new CollectionProblem(filePath, line, column, CollectionProblemCodes.MalformedEntry,
                        $"A CSL-JSON item is an object, not {Describe(token.Type)}; skipped.", ProblemSeverity.Error));
                }
            }

            if (reader.TokenType != JsonToken.EndArray)
            {
                problems.Add(Unreadable(filePath, Math.Max(1, reader.LineNumber), Math.Max(1, reader.LinePosition),
                    "Invalid JSON: the array of items is not closed (the file may be half-written)."));
            }
            else if (ReadSkippingComments(reader))
            {
                // Anything after the array is not JSON.
                problems.Add(Unreadable(filePath, reader.LineNumber, Math.Max(1, reader.LinePosition),
                    "Unexpected content after the array of items."));
            }
        }
        catch (JsonException exception)
        {
            var (line, column) = exception is JsonReaderException readerException
                ? (Math.Max(1, readerException.LineNumber), Math.Max(1, readerException.LinePosition))
                : (1, 1);
            problems.Add(Unreadable(filePath, line, column, $"Invalid JSON: {FirstSentence(exception.Message)}"));
        }

        var papers = ImmutableArray.CreateBuilder<Paper>(items.Count);
        var explicitKeys = new HashSet<string>(StringComparer.Ordinal);
        var drafts = new List<(JObject Item, int Line, string Title, string? Key)>();
        foreach (var (item, line) in items)
        {
            var title = Text(item["title"]) is { } raw ? StripMarkup(raw) : null;
            var key = Text(item["id"]);
            if (string.IsNullOrWhiteSpace(title))
            {
                problems.Add(new CollectionProblem(filePath, line, 1, CollectionProblemCodes.MissingTitle,
                    $"Item {(key is null ? "without id" : $"'{key}'")} has no title and is skipped."));
                continue;
            }

            if (!string.IsNullOrWhiteSpace(key) && !explicitKeys.Add(key))
            {
                problems.Add(new CollectionProblem(filePath, line, 1, CollectionProblemCodes.DuplicateKey,
                    $"Duplicate id '{key}': the first item with it is kept, this one is skipped."));
                continue;
            }

            drafts.Add((item, line, title, string.IsNullOrWhiteSpace(key) ? null : key));
        }

        var keys = new KeyGenerator(explicitKeys);
        foreach (var (item, line, title, key) in drafts)
        {
            var year = Year(item["issued"]) ?? Year(item["original-date"]);
            var url = Text(item["URL"]);
            var doi = BibTexLoader.Doi(Text(item["DOI"]));
            papers.Add(new Paper
            {
                Key = key ?? keys.Generate(title, year),
                KeyIsGenerated = key is null,
                Title = title,
                Authors = Names(item["author"] ?? item["editor"]),
                Year = year,
                Venue = Text(item["container-title"]) is { } venue ? StripMarkup(venue) : Text(item["publisher"]),
                Abstract = PaperAbstract.FromText(Text(item["abstract"])),
                Doi = doi,
                Url = url,
                ArxivId = ArxivIdReader.FromEprint(Text(item["number"])) ?? ArxivIdReader.FromText(url)
                    ?? ArxivIdReader.FromText(doi) ?? ArxivIdReader.FromText(Text(item["number"]))
                    ?? ArxivIdReader.FromText(Text(item["note"])) ?? ArxivIdReader.FromText(Text(item["archive_location"])),
                EntryType = Text(item["type"])?.ToLowerInvariant(),
                Source = new SourceLocation(filePath, line),
            });
        }

        return new CollectionLoadResult(filePath, papers.ToImmutable(), problems.ToImmutable());
    }

    /// <summary>A string or number value as text; the first element of an array (some tools write container-title as one).</summary>
    private static string? Text(JToken? token)
    {
        var value = token switch
        {
            JArray array => array.Count > 0 ? Text(array[0]) : null,
            JValue { Value: string s } => s,
            JValue { Value: IFormattable number } => number.ToString(null, CultureInfo.InvariantCulture),
            _ => null,
        };
        return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }

    private static ImmutableArray<string> Names(JToken? token)
    {
        if (token is not JArray array)
        {
            return ImmutableArray<string>.Empty;
        }

        var names = ImmutableArray.CreateBuilder<string>();
        foreach (var person in array.OfType<JObject>())
        {
            var literal = Text(person["literal"]);
            var parts = new[]
            {
                Text(person["given"]), Text(person["dropping-particle"]), Text(person["non-dropping-particle"]),
                Text(person["family"]),
            }.Where(part => part is not null);
            var name = literal ?? string.Join(' ', parts);
            if (Text(person["suffix"]) is { } suffix && literal is null)
            {
                name = $"{name}, {suffix}";
            }

            if (name.Length > 0)
            {
                names.Add(name);
            }
        }

        return names.ToImmutable();
    }

    private static string? Year(JToken? issued)
    {
        if (issued is not JObject date)
        {
            return BibTexLoader.Year(Text(issued));
        }

        if (date["date-parts"] is JArray { Count: > 0 } parts && parts[0] is JArray { Count: > 0 } first
            && BibTexLoader.Year(Text(first[0])) is { } year)
        {
            return year;
        }

        return BibTexLoader.Year(Text(date["raw"])) ?? BibTexLoader.Year(Text(date["literal"]));
    }

    private static bool ReadSkippingComments(JsonTextReader reader)
    {
        while (reader.Read())
        {
            if (reader.TokenType != JsonToken.Comment)
            {
                return true;
            }
        }

        return false;
    }

    private static string StripMarkup(string text) => text.Contains('<') ? RichTextTag().Replace(text, string.Empty) : text;

    private static string Describe(JTokenType type) => type switch
    {
        JTokenType.Object => "an object",
        JTokenType.Array => "an array",
        JTokenType.String => "a string",
        JTokenType.Integer or JTokenType.Float => "a number",
        JTokenType.Boolean => "a boolean",
        JTokenType.Null => "null",
        _ => type.ToString().ToLowerInvariant(),
    };

    private static string Describe(JsonToken token) => token switch
    {
        JsonToken.StartObject => "an object",
        JsonToken.String => "a string",
        JsonToken.Integer or JsonToken.Float => "a number",
        JsonToken.Boolean => "a boolean",
        JsonToken.Null => "null",
        _ => token.ToString().ToLowerInvariant(),
    };

    private static string FirstSentence(string message)
    {
        // Newtonsoft appends "Path '…', line n, position m." which the problem's own location already says.
        var cut = message.IndexOf(" Path '", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }

    private static CollectionProblem Unreadable(string filePath, int line, int column, string message) =>
        new(filePath, line, column, CollectionProblemCodes.UnreadableFile, message, ProblemSeverity.Error);

    [GeneratedRegex(@"</?(?:i|b|em|strong|sup|sub|sc|span)(?:\s[^>]*)?>", RegexOptions.IgnoreCase)]
    private static partial Regex RichTextTag();
}
