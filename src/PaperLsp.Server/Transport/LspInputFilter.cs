using System.Buffers;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.IO.Pipelines;
using System.Text;
using System.Text.Json;
using PaperLsp.Server.Dispatch;

namespace PaperLsp.Server.Transport;

/// <summary>
/// Stands between the raw input and StreamJsonRpc, which closes the whole connection on the first frame it cannot read.
/// It reads Content-Length frames itself and passes on only those whose header is readable and whose body is one JSON
/// object; anything else is reported through <c>log</c> and skipped: a header block without a usable Content-Length is
/// dropped and reading resumes at the next <c>Content-Length:</c>, a body that is not a JSON object is dropped whole.
/// A garbage run of any length is consumed as it arrives, never buffered whole.
/// </summary>
public static class LspInputFilter
{
    /// <summary>No LSP message is larger; a header announcing more is garbage.</summary>
    public const int MaxMessageBytes = 512 * 1024 * 1024;

    private const int MaxHeaderBytes = 16 * 1024;
    private static readonly byte[] HeaderEnd = "\r\n\r\n"u8.ToArray();
    private static readonly byte[] ContentLength = "Content-Length:"u8.ToArray();

    /// <summary>A stream of the well-formed frames of <paramref name="input"/>; it ends when the input ends.</summary>
    public static Stream Wrap(Stream input, Action<string> log) => WrapAsPipe(input, log).AsStream();

    /// <summary>
    /// The well-formed frames of <paramref name="input"/> as a pipe; it completes when the input ends. The input is read,
    /// and its frames checked, on a thread of its own: a request reaches the reader without waiting for a pool thread.
    /// </summary>
    /// <param name="timeline">When tracing: told of each request frame, with the time of the read that completed it.</param>
    /// <param name="takeFirst">Offered the body of the input's first frame when nothing was skipped before it (on the input
    /// thread, before the frame is passed on, and before any later frame is read); a frame it takes (true) is not passed on.</param>
    public static PipeReader WrapAsPipe(Stream input, Action<string> log, RequestTimeline? timeline = null, Func<ReadOnlySequence<byte>, bool>? takeFirst = null)
    {
        var pipe = new Pipe(new PipeOptions(pauseWriterThreshold: 0));
        // The filter continues inline on the thread that flushed the raw bytes: the input thread below. It never blocks
        // there (neither pipe has a pause threshold), so the input thread reads, filters and passes on each frame.
        var raw = new Pipe(new PipeOptions(readerScheduler: PipeScheduler.Inline, pauseWriterThreshold: 0));
        var lastRead = new StrongBox<long>();
        Action<string>? onRequest = timeline is null ? null : id => timeline.Arrived(id, Volatile.Read(ref lastRead.Value));
        _ = PumpAsync(raw.Reader, pipe.Writer, log, onRequest, takeFirst);
        // Stdin has no asynchronous read: ReadAsync on it blocks a thread-pool thread for the whole session, one of only as
        // many as there are cores, and work queued at start (the collection load's chunks) waited for the pool to add one.
        // The input is read on a thread of its own instead.
        new Thread(() => CopyBlocking(input, raw.Writer, lastRead)) { IsBackground = true, Name = "LSP input" }.Start();
        return pipe.Reader;
    }

    private static void CopyBlocking(Stream input, PipeWriter output, StrongBox<long> lastRead)
    {
        Exception? failure = null;
        try
        {
            while (true)
            {
                var memory = output.GetMemory(64 * 1024);
                var read = input.Read(memory.Span);
                if (read == 0)
                {
                    break;
                }

                Volatile.Write(ref lastRead.Value, Stopwatch.GetTimestamp());
                output.Advance(read);
                // Never waits: the pipe has no pause threshold.
                if (output.FlushAsync().GetAwaiter().GetResult().IsCompleted)
                {
                    break;
                }
            }
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or InvalidOperationException)
        {
            failure = e;
        }

        output.Complete(failure);
    }

    private static async Task PumpAsync(PipeReader input, PipeWriter output, Action<string> log, Action<string>? onRequest, Func<ReadOnlySequence<byte>, bool>? takeFirst)
    {
        try
        {
            var resynchronizing = false;
            while (true)
            {
                var read = await input.ReadAsync().ConfigureAwait(false);
                var buffer = read.Buffer;
                var consumed = buffer.Start;
                var passed = false;
                while (true)
                {
                    if (resynchronizing)
                    {
                        takeFirst = null;
                        var next = Find(buffer.Slice(consumed), ContentLength);
                        if (next is null)
                        {
                            // Keep a tail that may be the start of the next "Content-Length:".
                            var rest = buffer.Slice(consumed);
                            consumed = rest.Length > ContentLength.Length ? rest.GetPosition(rest.Length - ContentLength.Length) : consumed;
                            break;
                        }

                        consumed = next.Value;
                        resynchronizing = false;
                    }

                    var frame = TryReadFrame(buffer.Slice(consumed), out var header, out var end);
                    if (frame == FrameState.NeedMore)
                    {
                        if (buffer.Slice(consumed).Length > MaxHeaderBytes && Find(buffer.Slice(consumed), HeaderEnd) is null)
                        {
                            log($"Skipped {MaxHeaderBytes:N0}+ bytes of input that are not an LSP message header.");
                            resynchronizing = true;
                            consumed = buffer.Slice(consumed).GetPosition(1);
                            continue;
                        }

                        break;
                    }

                    if (frame == FrameState.BadHeader)
                    {
                        log($"Skipped input that is not an LSP message header: \"{Printable(header)}\".");
                        // Resume at the next "Content-Length:" after the block's first byte, not after the block: garbage
                        // that arrives together with the next frame is one block with that frame's header at its end.
                        consumed = buffer.Slice(consumed).GetPosition(1);
                        resynchronizing = true;
                        continue;
                    }

                    var body = buffer.Slice(consumed, end).Slice(header.Length);
                    var offered = takeFirst;
                    takeFirst = null;
                    if (IsJsonObject(body, out var problem, out var id))
                    {
                        if (offered is not null && offered(body))
                        {
                            consumed = end;
                            continue;
                        }

                        if (onRequest is not null && id is not null)
                        {
                            onRequest(id);
                        }

                        output.Write(Encoding.ASCII.GetBytes($"Content-Length: {body.Length}\r\n\r\n"));
                        foreach (var segment in body)
                        {
                            output.Write(segment.Span);
                        }

                        passed = true;
                    }
                    else
                    {
                        log($"Skipped a {body.Length:N0}-byte message whose body is not a JSON-RPC message: {problem}.");
                    }

                    consumed = end;
                }

                // One flush for the frames of this read: the reader wakes once, with whole frames.
                if (passed)
                {
                    await output.FlushAsync().ConfigureAwait(false);
                }

                input.AdvanceTo(consumed, buffer.End);
                if (read.IsCompleted)
                {
                    break;
                }
            }
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or InvalidOperationException)
        {
            log($"Input ended: {e.Message}");
        }
        finally
        {
            await input.CompleteAsync().ConfigureAwait(false);
            await output.CompleteAsync().ConfigureAwait(false);
        }
    }

    private enum FrameState
    {
        NeedMore,
        BadHeader,
        Complete,
    }

    /// <summary>Reads one header block and, when it is good, the body it announces; <paramref name="end"/> is past both.</summary>
    private static FrameState TryReadFrame(ReadOnlySequence<byte> data, out ReadOnlySequence<byte> header, out SequencePosition end)
    {
        header = default;
        end = data.Start;
        var headerEnd = Find(data, HeaderEnd);
        if (headerEnd is null)
        {
            return FrameState.NeedMore;
        }

        header = data.Slice(0, data.GetPosition(HeaderEnd.Length, headerEnd.Value));
        var length = ContentLengthOf(Encoding.ASCII.GetString(header.ToArray()));
        if (length is null)
        {
            end = header.End;
            return FrameState.BadHeader;
        }

        var afterHeader = data.Slice(header.Length);
        if (afterHeader.Length < length.Value)
        {
            return FrameState.NeedMore;
        }

        end = afterHeader.GetPosition(length.Value);
        return FrameState.Complete;
    }

    private static int? ContentLengthOf(string header)
    {
        int? length = null;
        foreach (var line in header.Split("\r\n", StringSplitOptions.RemoveEmptyEntries))
        {
            var colon = line.IndexOf(':');
            if (colon > 0 && line[..colon].Trim().Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            {
                length = int.TryParse(line[(colon + 1)..].Trim(), out var value) && value is >= 0 and <= MaxMessageBytes ? value : null;
                if (length is null)
                {
                    return null;
                }
            }
        }

        return length;
    }

    /// <summary>Whether the body is one JSON object; <paramref name="id"/> is a request's id (a number's text or a string).</summary>
    private static bool IsJsonObject(ReadOnlySequence<byte> body, out string problem, out string? id)
    {
        id = null;
        try
        {
            var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = 256 });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                problem = "not a JSON object";
                return false;
            }

            var isRequest = false;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isId = reader.ValueTextEquals("id"u8);
                isRequest |= reader.ValueTextEquals("method"u8);
                reader.Read();
                if (isId && reader.TokenType is JsonTokenType.Number or JsonTokenType.String)
                {
                    id = reader.TokenType == JsonTokenType.String ? reader.GetString() : Encoding.ASCII.GetString(reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan.ToArray());
                }

                reader.Skip();
            }

            // Only requests (id and method) are of interest; a response to one of ours has an id too.
            id = isRequest ? id : null;

            if (reader.Read())
            {
                problem = "more than one JSON value";
                return false;
            }

            problem = string.Empty;
            return true;
        }
        catch (JsonException e)
        {
            problem = "invalid JSON (" + e.Message.Split('.')[0] + ")";
            return false;
        }
    }

    private static SequencePosition? Find(ReadOnlySequence<byte> data, byte[] needle)
    {
        var reader = new SequenceReader<byte>(data);
        return reader.TryReadTo(out ReadOnlySequence<byte> _, needle, advancePastDelimiter: false) ? reader.Position : null;
    }

    private static string Printable(ReadOnlySequence<byte> header)
    {
        var text = Encoding.ASCII.GetString(header.Slice(0, Math.Min(header.Length, 80)).ToArray()).Trim();
        return new string(text.Select(c => char.IsControl(c) ? ' ' : c).ToArray());
    }
}
