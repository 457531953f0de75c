using System.IO.Hashing;

namespace PaperLsp.Core.Collections.Cache;

/// <summary>
/// Passes reads or writes through to another stream (a SQLite BLOB) and hashes (XxHash3) every byte that went through,
/// so a large BLOB is checked while it is read straight into its final arrays, or hashed while it is written, instead of
/// being copied into one large buffer first. Forward-only; owns the inner stream. Transfers go in slices of at most 1 MB, so a stream that lacks
/// span overloads never rents a buffer as large as the whole transfer. The seed binds the hash to something else than the
/// bytes (the lookup tables' hash is seeded with the hash of the strings they are over).
/// </summary>
internal sealed class HashingStream(Stream inner, long seed = 0) : Stream
{
    private const int SliceBytes = 1 << 20;

    private readonly XxHash3 _hash = new(seed);
    private long _transferred;

    public override bool CanRead => inner.CanRead;

    public override bool CanSeek => false;

    public override bool CanWrite => inner.CanWrite;

    public override long Length => inner.Length;

    /// <summary>Bytes read or written so far.</summary>
    public override long Position
    {
        get => _transferred;
        set => throw new NotSupportedException();
    }

    /// <summary>The hash of the bytes read or written so far.</summary>
    public ulong Hash => _hash.GetCurrentHashAsUInt64();

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var read = inner.Read(buffer[..Math.Min(buffer.Length, SliceBytes)]);
        _hash.Append(buffer[..read]);
        _transferred += read;
        return read;
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        while (!buffer.IsEmpty)
        {
            var slice = buffer[..Math.Min(buffer.Length, SliceBytes)];
            inner.Write(slice);
            _hash.Append(slice);
            _transferred += slice.Length;
            buffer = buffer[slice.Length..];
        }
    }

    public override void Flush() => inner.Flush();

    /// <summary>Disposes the inner stream too: an open SQLite BLOB handle keeps its connection (and the WAL files) alive.</summary>
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
