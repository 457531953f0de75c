using System.Text.Encodings.Web;
using System.Text.Json;
using Newtonsoft.Json.Linq;
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

    /// <summary>The list as UTF-8 JSON; null stays null (no completion here).</summary>
    public static Utf8JsonResult? Of(CompletionList? list) => list is null ? null : Write(list);

    private static Utf8JsonResult Write(CompletionList list)
    {
        // A title item is about 400-500 bytes (the title three times: label, edit, filter text): room for all, no regrowth.
        var buffer = new RentedBufferWriter(256 + (list.Items.Count * 512));
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            writer.WriteStartObject();
            writer.WriteBoolean("isIncomplete", list.IsIncomplete);
            writer.WriteStartArray("items");
            foreach (var item in list.Items)
            {
                WriteItem(writer, item);
            }

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
