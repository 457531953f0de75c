using System.Text;
using PaperLsp.Server.Transport;

namespace PaperLsp.Server.Tests.Transport;

public sealed class LspInputFilterTests
{
    private const string Good = """{"jsonrpc":"2.0","id":1,"method":"shutdown"}""";

    [Theory]
    [InlineData("garbage before a frame", "this is not a header\r\n\r\n")]
    [InlineData("a Content-Length that is not a number", "Content-Length: twelve\r\n\r\n")]
    [InlineData("a negative Content-Length", "Content-Length: -5\r\n\r\n")]
    [InlineData("a body that is not JSON", "Content-Length: 9\r\n\r\n{\"id\": 1,")]
    [InlineData("a JSON array", "Content-Length: 9\r\n\r\n[1, 2, 3]")]
    [InlineData("two JSON values in one body", "Content-Length: 4\r\n\r\n{}{}")]
    public async Task Bad_input_is_skipped_and_the_next_frame_passes(string what, string bad)
    {
        var (frames, log) = await FilterAsync(Encoding.UTF8.GetBytes(bad + Frame(Good)));

        Assert.True(frames == Frame(Good), $"after {what}: {frames}");
        Assert.NotEmpty(log);
    }

    [Fact]
    public async Task Good_frames_pass_unchanged_and_in_order_with_other_headers_dropped()
    {
        var input = "Content-Length: 2\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n{}" + Frame(Good);

        var (frames, log) = await FilterAsync(Encoding.UTF8.GetBytes(input));

        Assert.Equal(Frame("{}") + Frame(Good), frames);
        Assert.Empty(log);
    }

    [Fact]
    public async Task A_body_with_bytes_that_are_not_utf8_does_not_stop_the_frames_after_it()
    {
        byte[] body = [.. "{\"text\":\""u8, 0xFF, 0xFE, .. "\"}"u8];
        byte[] input = [.. Encoding.ASCII.GetBytes($"Content-Length: {body.Length}\r\n\r\n"), .. body, .. Encoding.UTF8.GetBytes(Frame(Good))];

        var (frames, _) = await FilterAsync(input);

        Assert.EndsWith(Frame(Good), frames);
    }

    [Fact]
    public async Task A_megabyte_of_garbage_without_any_header_end_is_skipped()
    {
        var garbage = new string('x', 1 << 20);

        var (frames, log) = await FilterAsync(Encoding.UTF8.GetBytes(garbage + Frame(Good)));

        Assert.Equal(Frame(Good), frames);
        Assert.NotEmpty(log);
    }

    [Theory]
    [InlineData(100)]
    [InlineData(1 << 20)]
    public async Task Garbage_and_the_frame_after_it_arriving_in_one_read_still_pass_the_frame(int garbageBytes)
    {
        var input = Encoding.UTF8.GetBytes(new string('x', garbageBytes) + Frame(Good) + Frame(Good));

        var (frames, log) = await FilterAsync(input, chunk: input.Length);

        Assert.Equal(Frame(Good) + Frame(Good), frames);
        Assert.NotEmpty(log);
    }

    [Fact]
    public async Task A_frame_that_arrives_one_byte_at_a_time_passes()
    {
        var (frames, _) = await FilterAsync(Encoding.UTF8.GetBytes(Frame(Good) + Frame(Good)), chunk: 1);

        Assert.Equal(Frame(Good) + Frame(Good), frames);
    }

    [Fact]
    public async Task A_body_cut_short_by_the_end_of_input_is_not_passed_on()
    {
        var (frames, _) = await FilterAsync(Encoding.UTF8.GetBytes(Frame(Good) + "Content-Length: 100\r\n\r\n{\"id\":"));

        Assert.Equal(Frame(Good), frames);
    }

    private static string Frame(string body) => $"Content-Length: {Encoding.UTF8.GetByteCount(body)}\r\n\r\n{body}";

    private static async Task<(string Frames, List<string> Log)> FilterAsync(byte[] input, int chunk = 4096)
    {
        var log = new List<string>();
        var filtered = LspInputFilter.Wrap(new ChunkedStream(input, chunk), message => { lock (log) { log.Add(message); } });
        using var output = new MemoryStream();
        await filtered.CopyToAsync(output).WaitAsync(TimeSpan.FromSeconds(30));
        return (Encoding.UTF8.GetString(output.ToArray()), log);
    }
}
