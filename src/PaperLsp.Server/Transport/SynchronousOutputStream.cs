namespace PaperLsp.Server.Transport;

/// <summary>
/// The output with its asynchronous writes done synchronously, on the caller's thread. Stdout has no asynchronous write:
/// <c>Stream.WriteAsync</c> and <c>FlushAsync</c> on it queue the write to the thread pool, one work item per buffer
/// segment, so a 30 KB completion list took about ten trips through a pool whose threads were busy with the cache write
/// or a diagnostics pass (the request trace: 2-18 ms from the response handed over to its last byte written, on two
/// cores). Writing at once costs the sender a system call per segment, and blocks it only while the client does not read.
/// </summary>
internal sealed class SynchronousOutputStream(Stream inner) : WriteOnlyStream(inner)
{
    public override Task FlushAsync(CancellationToken cancellationToken)
    {
        Inner.Flush();
        return Task.CompletedTask;
    }

    public override void Write(byte[] buffer, int offset, int count) => Inner.Write(buffer, offset, count);

    public override void Write(ReadOnlySpan<byte> buffer) => Inner.Write(buffer);

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        Inner.Write(buffer, offset, count);
        return Task.CompletedTask;
    }

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Inner.Write(buffer.Span);
        return ValueTask.CompletedTask;
    }
}
