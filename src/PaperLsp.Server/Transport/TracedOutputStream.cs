using System.Buffers.Text;
using System.Text;
using PaperLsp.Server.Dispatch;

namespace PaperLsp.Server.Transport;

/// <summary>
/// Passes writes through to the output and stamps <see cref="RequestStage.Written"/> when the last byte of a response
/// frame has been written: it follows the Content-Length frames in what is written and reads the id at the start of each
/// body (StreamJsonRpc writes <c>{"jsonrpc":"2.0","id":…</c>).
/// </summary>
internal sealed class TracedOutputStream(Stream inner, RequestTimeline timeline) : WriteOnlyStream(inner)
{
    private readonly List<byte> _header = [];
    private readonly List<byte> _bodyStart = [];
    private long _bodyLeft = -1;

    public override Task FlushAsync(CancellationToken cancellationToken) => Inner.FlushAsync(cancellationToken);

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        Inner.Write(buffer);
        Follow(buffer);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        await Inner.WriteAsync(buffer, cancellationToken).ConfigureAwait(false);
        Follow(buffer.Span);
    }

    private void Follow(ReadOnlySpan<byte> written)
    {
        while (!written.IsEmpty)
        {
            if (_bodyLeft < 0)
            {
                _header.Add(written[0]);
                written = written[1..];
                if (_header.Count >= 4 && _header[^4] == '\r' && _header[^3] == '\n' && _header[^2] == '\r' && _header[^1] == '\n')
                {
                    var header = Encoding.ASCII.GetString([.. _header]);
                    var at = header.IndexOf("Content-Length:", StringComparison.OrdinalIgnoreCase);
                    _bodyLeft = at >= 0 && long.TryParse(header[(at + 15)..].Split('\r')[0].Trim(), out var length) ? length : 0;
                    _header.Clear();
                    _bodyStart.Clear();
                }

                continue;
            }

            var take = (int)Math.Min(_bodyLeft, written.Length);
            for (var i = 0; i < take && _bodyStart.Count < 64; i++)
            {
                _bodyStart.Add(written[i]);
            }

            written = written[take..];
            _bodyLeft -= take;
            if (_bodyLeft == 0)
            {
                _bodyLeft = -1;
                timeline.Mark(ResponseId([.. _bodyStart]), RequestStage.Written);
            }
        }
    }

    /// <summary>The id of a response (a body that has "id" followed by "result" or "error"); null for anything else.</summary>
    private static string? ResponseId(byte[] bodyStart)
    {
        var text = Encoding.UTF8.GetString(bodyStart);
        var at = text.IndexOf("\"id\":", StringComparison.Ordinal);
        if (at < 0)
        {
            return null;
        }

        var rest = text[(at + 5)..];
        var end = rest.IndexOf(',');
        if (end < 0 || !(rest[(end + 1)..].StartsWith("\"result\"", StringComparison.Ordinal) || rest[(end + 1)..].StartsWith("\"error\"", StringComparison.Ordinal)))
        {
            return null;
        }

        var id = rest[..end].Trim();
        return id.StartsWith('"') ? id.Trim('"') : (Utf8Parser.TryParse(Encoding.ASCII.GetBytes(id), out long _, out _) ? id : null);
    }
}
