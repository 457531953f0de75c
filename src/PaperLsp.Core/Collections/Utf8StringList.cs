using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Unicode;
using PaperLsp.Core.Collections.Cache;

namespace PaperLsp.Core.Collections;

/// <summary>
/// Strings kept as UTF-8 in one buffer, in the form the collection cache stores a string list (a varint count, then each
/// string as a varint of its byte length + 1 and its bytes), plus where each string starts. A start from the cache keeps
/// the stored BLOB as it is; a cold start makes the same form. A million keys or titles are then one array and an offset
/// each, not a million string objects; a string is made only when someone asks for it.
/// <para>
/// Lone surrogates (possible in a string, not in UTF-8) are written as their generalized three-byte form (WTF-8), so
/// two strings have equal bytes exactly when they are equal ordinally; the cache's own strings are proper UTF-8.
/// </para>
/// </summary>
internal sealed class Utf8StringList : IReadOnlyList<string>
{
    private readonly byte[] _data;

    /// <summary>Where each string's length prefix starts; one more than <see cref="Count"/>, the last is the end of the data.</summary>
    private readonly int[] _starts;

    private Utf8StringList(byte[] data, int[] starts)
    {
        _data = data;
        _starts = starts;
    }

    public static Utf8StringList Empty { get; } = FromStrings([]);

    public int Count => _starts.Length - 1;

    /// <summary>The data in the stored form (count, then the strings): what the cache writes for this list.</summary>
    public ReadOnlySpan<byte> StoredForm => _data;

    /// <summary>The UTF-8 bytes of string <paramref name="index"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ReadOnlySpan<byte> Bytes(int index)
    {
        var position = _starts[index];
        while ((_data[position++] & 0x80) != 0)
        {
        }

        return _data.AsSpan(position, _starts[index + 1] - position);
    }

    public string this[int index] => Decode(Bytes(index));

    /// <summary>Each string, made as it is enumerated (none kept).</summary>
    public IEnumerator<string> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return this[i];
        }
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Every string, made now.</summary>
    public string[] ToArray()
    {
        var strings = new string[Count];
        for (var i = 0; i < strings.Length; i++)
        {
            strings[i] = this[i];
        }

        return strings;
    }

    /// <summary>The list of <paramref name="strings"/> (none null), in the stored form.</summary>
    public static Utf8StringList FromStrings(IReadOnlyList<string> strings)
    {
        long total = Varint.Length((ulong)strings.Count);
        for (var i = 0; i < strings.Count; i++)
        {
            // UTF-8 counts a lone surrogate as the three bytes of U+FFFD: the same length as its generalized form.
            var byteCount = Encoding.UTF8.GetByteCount(strings[i] ?? throw new ArgumentException("A string list holds no null.", nameof(strings)));
            total += Varint.Length((ulong)byteCount + 1) + byteCount;
        }

        var data = new byte[checked((int)total)];
        var starts = new int[strings.Count + 1];
        var position = Varint.Write(data, (ulong)strings.Count);
        for (var i = 0; i < strings.Count; i++)
        {
            starts[i] = position;
            var byteCount = Encoding.UTF8.GetByteCount(strings[i]);
            position += Varint.Write(data.AsSpan(position), (ulong)byteCount + 1);
            position += Encode(strings[i], data.AsSpan(position, byteCount));
        }

        starts[^1] = position;
        return new Utf8StringList(data, starts);
    }

    /// <summary>
    /// The list of <paramref name="count"/> strings, string i being <paramref name="make"/>(i), made on both cores a block at
    /// a time: each block's strings are garbage once encoded, so a million of them are never alive at once.
    /// </summary>
    public static Utf8StringList Make(int count, Func<int, string> make)
    {
        const int BlockSize = 4096;
        var blocks = new (byte[] Data, int[] Starts, int Length)[(count + BlockSize - 1) / BlockSize];
        Parallel.For(0, blocks.Length, block =>
        {
            var first = block * BlockSize;
            var strings = new string[Math.Min(BlockSize, count - first)];
            var length = 0;
            for (var i = 0; i < strings.Length; i++)
            {
                strings[i] = make(first + i);
                var byteCount = Encoding.UTF8.GetByteCount(strings[i]);
                length += Varint.Length((ulong)byteCount + 1) + byteCount;
            }

            var data = new byte[length];
            var starts = new int[strings.Length];
            var position = 0;
            for (var i = 0; i < strings.Length; i++)
            {
                starts[i] = position;
                var byteCount = Encoding.UTF8.GetByteCount(strings[i]);
                position += Varint.Write(data.AsSpan(position), (ulong)byteCount + 1);
                position += Encode(strings[i], data.AsSpan(position, byteCount));
            }

            blocks[block] = (data, starts, length);
        });

        long total = Varint.Length((ulong)count);
        foreach (var block in blocks)
        {
            total += block.Length;
        }

        var all = new byte[checked((int)total)];
        var allStarts = new int[count + 1];
        var offset = Varint.Write(all, (ulong)count);
        var next = 0;
        foreach (var (data, starts, length) in blocks)
        {
            data.AsSpan(0, length).CopyTo(all.AsSpan(offset));
            foreach (var start in starts)
            {
                allStarts[next++] = offset + start;
            }

            offset += length;
        }

        allStarts[^1] = offset;
        return new Utf8StringList(all, allStarts);
    }

    /// <summary>
    /// The list stored in <paramref name="data"/> (kept, not copied); throws <see cref="InvalidDataException"/> unless the
    /// data is a count and exactly that many non-null strings.
    /// </summary>
    public static Utf8StringList Read(byte[] data)
    {
        var position = 0;
        var count = Varint.Read(data, ref position);
        if (count > (ulong)(data.Length - position))
        {
            throw new InvalidDataException("Cached string list has an impossible count.");
        }

        var starts = new int[(int)count + 1];
        for (var i = 0; i < starts.Length - 1; i++)
        {
            starts[i] = position;
            var prefix = Varint.Read(data, ref position);
            if (prefix == 0)
            {
                throw new InvalidDataException("Cached string list holds a null.");
            }

            if (prefix - 1 > (ulong)(data.Length - position))
            {
                throw new InvalidDataException("Cached string runs past the end.");
            }

            position += (int)(prefix - 1);
        }

        if (position != data.Length)
        {
            throw new InvalidDataException("Cached string list has trailing data.");
        }

        starts[^1] = position;
        return new Utf8StringList(data, starts);
    }

    /// <summary>How many bytes <see cref="Encode"/> writes for <paramref name="text"/>.</summary>
    public static int ByteCount(ReadOnlySpan<char> text) => Encoding.UTF8.GetByteCount(text);

    /// <summary>
    /// Writes <paramref name="text"/> as UTF-8 into <paramref name="destination"/> (exactly <see cref="ByteCount"/> bytes),
    /// a lone surrogate in its generalized three-byte form; returns the bytes written.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int Encode(ReadOnlySpan<char> text, Span<byte> destination)
    {
        var written = 0;
        while (true)
        {
            var status = Utf8.FromUtf16(text, destination[written..], out var read, out var wrote, replaceInvalidSequences: false);
            written += wrote;
            if (status != System.Buffers.OperationStatus.InvalidData)
            {
                return written;
            }

            // A lone surrogate: its code unit as three bytes, as UTF-8 would write a code point of that value.
            var c = text[read];
            destination[written++] = (byte)(0xE0 | (c >> 12));
            destination[written++] = (byte)(0x80 | ((c >> 6) & 0x3F));
            destination[written++] = (byte)(0x80 | (c & 0x3F));
            text = text[(read + 1)..];
        }
    }

    /// <summary>
    /// Writes the text of <paramref name="utf8"/> into <paramref name="destination"/> (at least as many chars as bytes);
    /// returns the chars written. Invalid bytes (not from <see cref="Encode"/>) become U+FFFD, as <see cref="Encoding.UTF8"/> does.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int Decode(ReadOnlySpan<byte> utf8, Span<char> destination)
    {
        var written = 0;
        while (true)
        {
            var status = Utf8.ToUtf16(utf8, destination[written..], out var read, out var wrote, replaceInvalidSequences: false);
            written += wrote;
            if (status != System.Buffers.OperationStatus.InvalidData)
            {
                return written;
            }

            utf8 = utf8[read..];
            if (utf8.Length >= 3 && utf8[0] == 0xED && utf8[1] is >= 0xA0 and <= 0xBF && (utf8[2] & 0xC0) == 0x80)
            {
                destination[written++] = (char)(0xD000 | ((utf8[1] & 0x3F) << 6) | (utf8[2] & 0x3F));
                utf8 = utf8[3..];
            }
            else
            {
                // Not from Encode (the cache writes proper UTF-8): a replacement character, as a lenient decoder gives.
                destination[written++] = '\uFFFD';
                utf8 = utf8[1..];
            }
        }
    }

    public static string Decode(ReadOnlySpan<byte> utf8)
    {
        if (utf8.IsEmpty)
        {
            return string.Empty;
        }

        if (utf8.Length <= 256)
        {
            Span<char> buffer = stackalloc char[utf8.Length];
            return new string(buffer[..Decode(utf8, buffer)]);
        }

        var chars = new char[utf8.Length];
        return new string(chars, 0, Decode(utf8, chars));
    }
}
