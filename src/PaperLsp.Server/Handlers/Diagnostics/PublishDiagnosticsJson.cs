using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Newtonsoft.Json.Linq;
using PaperLsp.Core.Caching;
using PaperLsp.Server.Protocol;

namespace PaperLsp.Server.Handlers.Diagnostics;

/// <summary>
/// publishDiagnostics parameters as JSON written directly: a notes file can have thousands of diagnostics, and the general
/// path (reflection into a JToken, then the token to text) cost several times the rest of a pass. The diagnostics array is
/// written as text and handed to the transport as a raw value, in the same camelCase, null-free shape as the protocol
/// records: the range by hand, the rest (escaped by <see cref="Utf8JsonWriter"/>) remembered by content. A lone surrogate (from a broken notes file) is written as U+FFFD, which is what
/// a client's UTF-8 decoder would make of it anyway.
/// </summary>
public static class PublishDiagnosticsJson
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly BoundedMemo<(DiagnosticSeverity?, string?, string?, string?, string), string> Tails = new(capacity: 50_000);

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
        var json = new StringBuilder(2 + (diagnostics.Count * 360));
        json.Append('[');
        for (var i = 0; i < diagnostics.Count; i++)
        {
            var diagnostic = diagnostics[i];
            var range = diagnostic.Range;
            json.Append(i == 0 ? "{\"range\":{\"start\":{\"line\":" : ",{\"range\":{\"start\":{\"line\":")
                .Append(range.Start.Line).Append(",\"character\":").Append(range.Start.Character)
                .Append("},\"end\":{\"line\":").Append(range.End.Line).Append(",\"character\":").Append(range.End.Character)
                .Append("}},")
                .Append(Tail(diagnostic));
        }

        return json.Append(']').ToString();
    }

    /// <summary>
    /// Everything of a diagnostic after its range, up to the closing brace. An edit moves most diagnostics of a file but
    /// changes few messages, so the escaped rest is kept by content (bounded: cleared when it grows past its capacity).
    /// </summary>
    private static string Tail(Diagnostic diagnostic) =>
        Tails.GetOrAdd((diagnostic.Severity, diagnostic.Code, diagnostic.CodeDescription?.Href, diagnostic.Source, diagnostic.Message), _ =>
        {
            var buffer = new ArrayBufferWriter<byte>(256);
            using (var writer = new Utf8JsonWriter(buffer, Options))
            {
                writer.WriteStartObject();
                WriteTail(writer, diagnostic);
                writer.WriteEndObject();
            }

            // The object without its opening brace: it follows the range written by hand.
            return Encoding.UTF8.GetString(buffer.WrittenSpan[1..]);
        });

    private static void WriteTail(Utf8JsonWriter writer, Diagnostic diagnostic)
    {
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
    }
}
