using System.Globalization;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace PaperLsp.Server.Tests.EndToEnd;

/// <summary>
/// Reads a recorded stdout as the LSP base protocol: each frame `Content-Length: n` (optionally `Content-Type`), a blank
/// line, then n bytes of a JSON-RPC 2.0 message. Anything else on stdout (a stray Console.WriteLine, a BOM, a log line)
/// is a <see cref="FormatException"/> naming the offset, since any client would choke on it.
/// </summary>
internal static class LspFrameParser
{
    private static readonly byte[] HeaderEnd = "\r\n\r\n"u8.ToArray();

    /// <param name="bytes">The recorded stream.</param>
    /// <param name="allowIncompleteTail">True while the server still runs: a frame still being written is left out.</param>
    public static IReadOnlyList<JObject> Parse(byte[] bytes, bool allowIncompleteTail = false)
    {
        var messages = new List<JObject>();
        var offset = 0;
        while (offset < bytes.Length)
        {
            var headerEnd = bytes.AsSpan(offset).IndexOf(HeaderEnd);
            if (headerEnd < 0)
            {
                if (allowIncompleteTail)
                {
                    break;
                }

                throw Problem(bytes, offset, "bytes after the last frame that are not a frame header");
            }

            var header = Encoding.ASCII.GetString(bytes, offset, headerEnd);
            int? length = null;
            foreach (var line in header.Split("\r\n"))
            {
                var colon = line.IndexOf(':', StringComparison.Ordinal);
                var name = colon < 0 ? line : line[..colon];
                var value = colon < 0 ? string.Empty : line[(colon + 1)..].Trim();
                if (name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase) &&
                    int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
                {
                    length = parsed;
                }
                else if (!name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase) || colon < 0)
                {
                    throw Problem(bytes, offset, $"a header line that is not Content-Length or Content-Type: '{line}'");
                }
            }

            if (length is null)
            {
                throw Problem(bytes, offset, "a frame without Content-Length");
            }

            var bodyStart = offset + headerEnd + HeaderEnd.Length;
            if (bodyStart + length.Value > bytes.Length)
            {
                if (allowIncompleteTail)
                {
                    break;
                }

                throw Problem(bytes, offset, $"a frame announcing {length} bytes with only {bytes.Length - bodyStart} left");
            }

            messages.Add(ParseMessage(bytes, bodyStart, length.Value));
            offset = bodyStart + length.Value;
        }

        return messages;
    }

    private static JObject ParseMessage(byte[] bytes, int start, int length)
    {
        JToken body;
        try
        {
            var text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(bytes, start, length);
            body = JToken.Parse(text);
        }
        catch (Exception exception) when (exception is JsonException or DecoderFallbackException)
        {
            throw Problem(bytes, start, $"a body that is not UTF-8 JSON ({exception.Message})");
        }

        if (body is not JObject message || (string?)message["jsonrpc"] != "2.0")
        {
            throw Problem(bytes, start, "a body that is not a JSON-RPC 2.0 message");
        }

        return message;
    }

    private static FormatException Problem(byte[] bytes, int offset, string what)
    {
        var excerpt = Encoding.UTF8.GetString(bytes, offset, Math.Min(120, bytes.Length - offset));
        return new FormatException($"stdout at byte {offset}: {what}. Next bytes: {excerpt}");
    }
}
