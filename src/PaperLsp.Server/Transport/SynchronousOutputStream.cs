namespace PaperLsp.Server.Transport;

/// <summary>
/// The output with its asynchronous writes done synchronously, on the caller's thread. Stdout has no asynchronous write:
/// <c>Stream.WriteAsync</c> and <c>FlushAsync</c> on it queue the write to the thread pool, one work item per buffer
/// segment, so a 30 KB completion list took about ten trips through a pool whose threads were busy with the cache write
/// or a diagnostics pass (the request trace: 2-18 ms from the response handed over to its last byte written, on two
/// cores). Writing at once costs the sender a system call per segment, and blocks it only while the client does not read.
/// Writes are serialized, so that a whole message written past the connection (<see cref="WriteMessage"/>: the early
/// answer to initialize) never lands inside one of the connection's (each of which is one segment, up to 64 KB).
/// </summary>
internal sealed class SynchronousOutputStream(Stream inner) : WriteOnlyStream(inner)
{
    private readonly Lock _gate = new();

    /// <summary>Writes and flushes one whole message (header and body) at once.</summary>
    public void WriteMessage(ReadOnlySpan<byte> message)
    {
        lock (_gate)
        {
            Inner.Write(message);
            Inner.Flush();
        }
    }

    public override void Flush()
    {
        lock (_gate)
        {
            Inner.Flush();
        }
    }

    public override Task FlushAsync(CancellationToken cancellationToken)
    {
        Flush();
        return Task.CompletedTask;
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        lock (_gate)
        {
            Inner.Write(buffer);
        }
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        Write(buffer.AsSpan(offset, count));
        return Task.CompletedTask;
    }

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Write(buffer.Span);
        return ValueTask.CompletedTask;
    }
}
