using System.Buffers;
using System.Text;
using Newtonsoft.Json;

namespace PaperLsp.Server.Transport;

/// <summary>
/// A request's result already written as UTF-8 JSON, in an array rented from <see cref="ArrayPool{T}.Shared"/>:
/// <see cref="LspMessageHandler"/> copies the bytes into the response frame as they are (no UTF-8 → string → UTF-8
/// round trip through Newtonsoft's writer) and returns the array. Any other serializer gets the same JSON
/// (<see cref="Utf8JsonResultConverter"/>). Written once: the array goes back to the pool after the write.
/// </summary>
[JsonConverter(typeof(Utf8JsonResultConverter))]
public sealed class Utf8JsonResult
{
    private byte[]? _rented;
    private readonly int _length;

    /// <param name="rented">Holds the JSON in its first <paramref name="length"/> bytes; owned by this result from now on.</param>
    /// <param name="length">How many bytes of <paramref name="rented"/> are the JSON.</param>
    public Utf8JsonResult(byte[] rented, int length)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(length, rented.Length);
        _rented = rented;
        _length = length;
    }

    /// <summary>The JSON; empty once <see cref="Release"/> was called.</summary>
    public ReadOnlySpan<byte> Utf8 => _rented is { } bytes ? bytes.AsSpan(0, _length) : default;

    /// <summary>Gives the array back to the pool; the JSON is gone after this.</summary>
    public void Release()
    {
        if (Interlocked.Exchange(ref _rented, null) is { } bytes)
        {
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }

    /// <summary>The JSON as text (for tests and other serializers).</summary>
    public override string ToString() => Encoding.UTF8.GetString(Utf8);
}
