using System.IO.Hashing;

namespace PaperLsp.Core.Collections.Cache;

/// <summary>
/// Reads through to another stream and hashes (XxHash3) every byte read, so a BLOB is checked while it is read straight
/// into its final arrays instead of being copied into one large buffer first. Read-only, forward-only.
/// </summary>
internal sealed class HashingReadStream(Stream inner) : Stream
{
    private readonly XxHash3 _hash = new();
    private long _read;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => inner.Length;

    public override long Position
    {
        get => _read;
        set => throw new NotSupportedException();
    }

    /// <summary>The hash of the bytes read so far.</summary>
    public ulong Hash => _hash.GetCurrentHashAsUInt64();

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var read = inner.Read(buffer);
        _hash.Append(buffer[..read]);
        _read += read;
        return read;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
