using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using Newtonsoft.Json.Linq;
using Range = PaperLsp.Server.Protocol.Range;
using PaperLsp.Core.Features.Completion;
using PaperLsp.Core.Features.Presentation;
using PaperLsp.Server.Protocol;
using PaperLsp.Server.Transport;

namespace PaperLsp.Server.Handlers.Completion;

/// <summary>
/// A completion list as UTF-8 JSON written directly, handed to the transport as bytes (<see cref="Utf8JsonResult"/>, which
/// the server's connection frames as they are): the general path (reflection into a JToken, then the token to text) cost
/// more than finding the hundred papers (a server profile during the stdio benchmark: writing the response 3.1 % of
/// samples, the whole completion 2.0 %), and a raw string value still went UTF-8 → string → UTF-8. Same camelCase,
/// null-free shape as the
/// protocol records. A lone surrogate (a broken title) is written as U+FFFD, which is what a client's UTF-8 decoder would
/// make of the serializer's output anyway.
/// </summary>
public static class CompletionListJson
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly JsonEncodedText LabelName = JsonEncodedText.Encode("label");
    private static readonly JsonEncodedText KindName = JsonEncodedText.Encode("kind");
    private static readonly JsonEncodedText DetailName = JsonEncodedText.Encode("detail");
    private static readonly JsonEncodedText DocumentationName = JsonEncodedText.Encode("documentation");
    private static readonly JsonEncodedText ValueName = JsonEncodedText.Encode("value");
    private static readonly JsonEncodedText TextEditName = JsonEncodedText.Encode("textEdit");
    private static readonly JsonEncodedText RangeName = JsonEncodedText.Encode("range");
    private static readonly JsonEncodedText NewTextName = JsonEncodedText.Encode("newText");
    private static readonly JsonEncodedText FilterTextName = JsonEncodedText.Encode("filterText");
    private static readonly JsonEncodedText SortTextName = JsonEncodedText.Encode("sortText");
    private static readonly JsonEncodedText DataName = JsonEncodedText.Encode("data");
    private static readonly JsonEncodedText KeyName = JsonEncodedText.Encode("key");
    private static readonly JsonEncodedText Markdown = JsonEncodedText.Encode(new MarkupContent { Value = string.Empty }.Kind);

    /// <summary>
    /// The list <see cref="CompletionHandler.Handle"/> makes of <paramref name="result"/>, written straight from its
    /// candidates: the same JSON, without a protocol record, a text edit and a <c>data</c> object per item in between. Every
    /// item replaces the same <paramref name="range"/>, so it is written once and copied.
    /// </summary>
    public static Utf8JsonResult Of(CompletionResult result, Range range, bool inlineDocumentation)
    {
        var rangeJson = new ArrayBufferWriter<byte>(96);
        using (var rangeWriter = new Utf8JsonWriter(rangeJson, Options))
        {
            rangeWriter.WriteStartObject();
            WritePosition(rangeWriter, "start", range.Start);
            WritePosition(rangeWriter, "end", range.End);
            rangeWriter.WriteEndObject();
        }

        return WriteList(result.IsIncomplete, result.Items.Length, writer =>
        {
            foreach (var candidate in result.Items)
            {
                writer.WriteStartObject();
                writer.WriteString(LabelName, candidate.Label);
                writer.WriteNumber(KindName, (int)CompletionHandler.Kind(candidate.Kind));
                if (candidate.Detail is { } detail)
                {
                    writer.WriteString(DetailName, detail);
                }

                if (inlineDocumentation && candidate.Paper is { } documented)
                {
                    writer.WriteStartObject(DocumentationName);
                    writer.WriteString(KindName, Markdown);
                    writer.WriteString(ValueName, PaperMarkdown.Describe(documented));
                    writer.WriteEndObject();
                }

                writer.WriteStartObject(TextEditName);
                writer.WritePropertyName(RangeName);
                writer.WriteRawValue(rangeJson.WrittenSpan, skipInputValidation: true);
                writer.WriteString(NewTextName, candidate.InsertText);
                writer.WriteEndObject();
                writer.WriteString(FilterTextName, candidate.FilterText);
                writer.WriteString(SortTextName, candidate.SortText);
                if (!inlineDocumentation && candidate.Paper is { } resolved)
                {
                    writer.WriteStartObject(DataName);
                    writer.WriteString(KeyName, resolved.Key);
                    writer.WriteEndObject();
                }

                writer.WriteEndObject();
            }
        });
    }

    /// <summary>The list as UTF-8 JSON; null stays null (no completion here).</summary>
    public static Utf8JsonResult? Of(CompletionList? list) => list is null ? null : Write(list);

    private static Utf8JsonResult Write(CompletionList list) =>
        WriteList(list.IsIncomplete, list.Items.Count, writer =>
        {
            foreach (var item in list.Items)
            {
                WriteItem(writer, item);
            }
        });

    /// <summary>The list's envelope around the items <paramref name="writeItems"/> writes, in a pooled buffer.</summary>
    private static Utf8JsonResult WriteList(bool isIncomplete, int itemCount, Action<Utf8JsonWriter> writeItems)
    {
        // A title item is about 400-500 bytes (the title three times: label, edit, filter text): room for all, no regrowth.
        var buffer = new RentedBufferWriter(256 + (itemCount * 512));
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            writer.WriteStartObject();
            writer.WriteBoolean("isIncomplete", isIncomplete);
            writer.WriteStartArray("items");
            writeItems(writer);
            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return buffer.Detach();
    }

    private static void WriteItem(Utf8JsonWriter writer, CompletionItem item)
    {
        writer.WriteStartObject();
        writer.WriteString("label", item.Label);
        if (item.Kind is { } kind)
        {
            writer.WriteNumber("kind", (int)kind);
        }

        WriteOptional(writer, "detail", item.Detail);
        if (item.Documentation is { } documentation)
        {
            writer.WriteStartObject("documentation");
            writer.WriteString("kind", documentation.Kind);
            writer.WriteString("value", documentation.Value);
            writer.WriteEndObject();
        }

        if (item.TextEdit is { } edit)
        {
            writer.WriteStartObject("textEdit");
            writer.WriteStartObject("range");
            WritePosition(writer, "start", edit.Range.Start);
            WritePosition(writer, "end", edit.Range.End);
            writer.WriteEndObject();
            writer.WriteString("newText", edit.NewText);
            writer.WriteEndObject();
        }

        WriteOptional(writer, "filterText", item.FilterText);
        WriteOptional(writer, "sortText", item.SortText);
        if (item.Data is JObject { Count: 1 } data && data.First is JProperty { Value.Type: JTokenType.String } only)
        {
            // What the handler sends: {"key": …}.
            writer.WriteStartObject("data");
            writer.WriteString(only.Name, (string)only.Value!);
            writer.WriteEndObject();
        }
        else if (item.Data is { } other)
        {
            writer.WritePropertyName("data");
            writer.WriteRawValue(other.ToString(Newtonsoft.Json.Formatting.None));
        }

        writer.WriteEndObject();
    }

    private static void WriteOptional(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }

    private static void WritePosition(Utf8JsonWriter writer, string name, Position position)
    {
        writer.WriteStartObject(name);
        writer.WriteNumber("line", position.Line);
        writer.WriteNumber("character", position.Character);
        writer.WriteEndObject();
    }
}
