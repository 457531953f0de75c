using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Newtonsoft.Json.Linq;
using PaperLsp.Server.Protocol;

namespace PaperLsp.Server.Handlers.Diagnostics;

/// <summary>
/// publishDiagnostics parameters as JSON written directly: a notes file can have thousands of diagnostics, and the general
/// path (reflection into a JToken, then the token to text) cost several times the rest of a pass. The diagnostics array is
/// written once with <see cref="Utf8JsonWriter"/> and handed to the transport as a raw value, in the same camelCase,
/// null-free shape as the protocol records. A lone surrogate (from a broken notes file) is written as U+FFFD, which is what
/// a client's UTF-8 decoder would make of it anyway.
/// </summary>
public static class PublishDiagnosticsJson
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The parameters as a JSON object whose <c>diagnostics</c> is a raw, already serialized array.</summary>
    public static JObject Parameters(PublishDiagnosticsParams parameters)
    {
        var result = new JObject { ["uri"] = parameters.Uri };
        if (parameters.Version is { } version)
        {
            result["version"] = version;
        }

        result["diagnostics"] = new JRaw(Array(parameters.Diagnostics));
        return result;
    }

    /// <summary>The diagnostics as a JSON array.</summary>
    public static string Array(IReadOnlyList<Diagnostic> diagnostics)
    {
        var buffer = new ArrayBufferWriter<byte>(256 + (diagnostics.Count * 320));
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            writer.WriteStartArray();
            foreach (var diagnostic in diagnostics)
            {
                Write(writer, diagnostic);
            }

            writer.WriteEndArray();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void Write(Utf8JsonWriter writer, Diagnostic diagnostic)
    {
        writer.WriteStartObject();
        writer.WriteStartObject("range");
        WritePosition(writer, "start", diagnostic.Range.Start);
        WritePosition(writer, "end", diagnostic.Range.End);
        writer.WriteEndObject();
        if (diagnostic.Severity is { } severity)
        {
            writer.WriteNumber("severity", (int)severity);
        }

        if (diagnostic.Code is { } code)
        {
            writer.WriteString("code", code);
        }

        if (diagnostic.CodeDescription is { } description)
        {
            writer.WriteStartObject("codeDescription");
            writer.WriteString("href", description.Href);
            writer.WriteEndObject();
        }

        if (diagnostic.Source is { } source)
        {
            writer.WriteString("source", source);
        }

        writer.WriteString("message", diagnostic.Message);
        writer.WriteEndObject();
    }

    private static void WritePosition(Utf8JsonWriter writer, string name, Position position)
    {
        writer.WriteStartObject(name);
        writer.WriteNumber("line", position.Line);
        writer.WriteNumber("character", position.Character);
        writer.WriteEndObject();
    }
}
