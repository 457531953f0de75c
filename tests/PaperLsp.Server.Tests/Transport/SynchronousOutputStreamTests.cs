using PaperLsp.Server.Transport;

namespace PaperLsp.Server.Tests.Transport;

public sealed class SynchronousOutputStreamTests
{
    [Fact]
    public void Asynchronous_writes_and_flushes_are_done_before_they_return()
    {
        using var inner = new MemoryStream();
        using var output = new SynchronousOutputStream(inner);

        var write = output.WriteAsync("Content-Length: 2\r\n\r\n"u8.ToArray().AsMemory());
        var array = output.WriteAsync([(byte)'{', (byte)'}'], 0, 2);
        var flush = output.FlushAsync();

        Assert.True(write.IsCompletedSuccessfully && array.IsCompletedSuccessfully && flush.IsCompletedSuccessfully);
        Assert.Equal("Content-Length: 2\r\n\r\n{}", System.Text.Encoding.ASCII.GetString(inner.ToArray()));
    }
}
