using System.IO.Hashing;
using System.Text;

namespace PaperLsp.Core.Collections.Cache;

/// <summary>
/// One string per paper (normalized titles, keys) as the cache stores them: a count, then each string in
/// <see cref="CacheChunkWriter.WriteString"/>'s form, none null. Checked whole when read (hash and form), made into strings
/// on first use: a start from the cache serves the index before anyone needs them (the key and title lookups are built
/// after it), and a million strings are a hundred MB of allocation. Thread-safe.
/// </summary>
internal sealed class CachedStrings
{
    private readonly Lazy<string[]> _strings;
    private byte[]? _data;

    private CachedStrings(byte[] data, int count)
    {
        _data = data;
        Count = count;
        _strings = new Lazy<string[]>(Decode, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public int Count { get; }

    public string[] Strings => _strings.Value;

    /// <summary>The strings if something already made them, else null (does not make them).</summary>
    public string[]? StringsIfMade => _strings.IsValueCreated ? _strings.Value : null;

    /// <summary>
    /// Writes <paramref name="strings"/> in the stored form to <paramref name="stream"/> in pieces of about 64 KB (a million
    /// titles are tens of MB: never one buffer of them all) and returns how many bytes it wrote.
    /// </summary>
    public static long WriteTo(Stream stream, IReadOnlyList<string> strings)
    {
        const int PieceBytes = 1 << 16;
        var writer = new CacheChunkWriter();
        long written = 0;
        writer.WriteInt(strings.Count);
        for (var i = 0; i < strings.Count; i++)
        {
            writer.WriteString(strings[i] ?? throw new ArgumentException("A cached string list holds no null.", nameof(strings)));
            if (writer.Length >= PieceBytes)
            {
                stream.Write(writer.WrittenSpan);
                written += writer.Length;
                writer.Clear();
            }
        }

        stream.Write(writer.WrittenSpan);
        return written + writer.Length;
    }

    /// <summary>The strings of <paramref name="data"/>; throws <see cref="InvalidDataException"/> unless its hash and form are right.</summary>
    public static CachedStrings Read(byte[] data, ulong expectedHash)
    {
        if (XxHash3.HashToUInt64(data) != expectedHash)
        {
            throw new InvalidDataException("Cached string list checksum does not match.");
        }

        // The form is checked now, so that making the strings later cannot fail.
        var reader = new CacheChunkReader(data);
        var count = reader.ReadCount();
        for (var i = 0; i < count; i++)
        {
            SkipString(ref reader);
        }

        return reader.AtEnd ? new CachedStrings(data, count) : throw new InvalidDataException("Cached string list has trailing data.");
    }

    private static void SkipString(ref CacheChunkReader reader)
    {
        var prefix = reader.ReadVarint();
        if (prefix == 0)
        {
            throw new InvalidDataException("Cached string list holds a null.");
        }

        reader.Skip(prefix - 1);
    }

    private string[] Decode()
    {
        var reader = new CacheChunkReader(_data ?? throw new InvalidOperationException("Cached strings were decoded twice."));
        var strings = new string[reader.ReadCount()];
        for (var i = 0; i < strings.Length; i++)
        {
            strings[i] = reader.ReadString()!;
        }

        _data = null;
        return strings;
    }
}
