using System.IO.Hashing;

namespace PaperLsp.Core.Collections.Cache;

/// <summary>
/// One string per paper (normalized titles, keys) as the cache stores them: a count, then each string in
/// <see cref="CacheChunkWriter.WriteString"/>'s form, none null. Checked whole when read (hash and form) and kept as those
/// bytes (<see cref="List"/>): the key and title lookups work on them, and a million strings are a hundred MB of
/// allocation, made only if something asks for <see cref="Strings"/>. Thread-safe.
/// </summary>
internal sealed class CachedStrings
{
    private readonly Lazy<string[]> _strings;

    private CachedStrings(Utf8StringList list, ulong hash)
    {
        List = list;
        Hash = hash;
        _strings = new Lazy<string[]>(list.ToArray, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public int Count => List.Count;

    /// <summary>The XxHash3 of the stored bytes (checked when read).</summary>
    public ulong Hash { get; }

    /// <summary>The strings as the stored bytes.</summary>
    public Utf8StringList List { get; }

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
        if (strings is Utf8StringList list && IsProperUtf8(list))
        {
            // Already in the stored form (the index's own titles): the bytes as they are.
            var stored = list.StoredForm;
            for (var start = 0; start < stored.Length; start += PieceBytes)
            {
                stream.Write(stored[start..Math.Min(stored.Length, start + PieceBytes)]);
            }

            return stored.Length;
        }

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

    /// <summary>
    /// <paramref name="strings"/> as a list whose bytes are the stored form <see cref="WriteTo"/> writes, so what is built
    /// over it (the lookup tables) is what a read builds over the stored list: the list itself when it is already that
    /// form, else made (a lone surrogate is stored as U+FFFD, not in the list's generalized form).
    /// </summary>
    public static Utf8StringList StoredList(IReadOnlyList<string> strings)
    {
        var list = strings as Utf8StringList ?? Utf8StringList.FromStrings(strings);
        if (IsProperUtf8(list))
        {
            return list;
        }

        using var stored = new MemoryStream();
        WriteTo(stored, strings);
        return Utf8StringList.Read(stored.ToArray());
    }

    /// <summary>Whether every string is proper UTF-8 (none holds a lone surrogate), so its bytes are what <see cref="CacheChunkWriter.WriteString"/> writes.</summary>
    private static bool IsProperUtf8(Utf8StringList list)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (!System.Text.Unicode.Utf8.IsValid(list.Bytes(i)))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The strings of <paramref name="data"/>; throws <see cref="InvalidDataException"/> unless its hash and form are right.</summary>
    public static CachedStrings Read(byte[] data, ulong expectedHash)
    {
        if (XxHash3.HashToUInt64(data) != expectedHash)
        {
            throw new InvalidDataException("Cached string list checksum does not match.");
        }

        // The form is checked now, so that using the strings later cannot fail.
        return new CachedStrings(Utf8StringList.Read(data), expectedHash);
    }
}
