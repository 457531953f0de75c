using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace PaperLsp.Core.Collections;

/// <summary>
/// The distinct strings of a <see cref="Utf8Lookup"/> found ignoring case exactly as
/// <see cref="StringComparer.OrdinalIgnoreCase"/> does (its equality over the decoded text, and a hash that is equal
/// wherever that equality holds: a key with non-ASCII letters, or one that folds to ASCII such as "ı", behaves as it did in
/// a dictionary). An open-addressing table of entry numbers, every spelling kept, so a lookup finds all spellings of a
/// key. Built on first use (keys that differ from a known one only in case are rare: most sessions never ask), or read
/// back from the cache (<see cref="WriteTo"/>, <see cref="ReadFrom"/>): the hash is the same in every process.
/// </summary>
internal sealed class Utf8IgnoreCaseLookup
{
    private readonly Utf8Lookup _exact;

    /// <summary>Each slot: the 32-bit hash in the high half, entry + 1 in the low (0: empty).</summary>
    private readonly ulong[] _slots;
    private readonly int _mask;

    private Utf8IgnoreCaseLookup(Utf8Lookup exact, ulong[] slots)
    {
        _exact = exact;
        _slots = slots;
        _mask = slots.Length - 1;
    }

    /// <summary>The exact table whose distinct strings this one holds.</summary>
    public Utf8Lookup Exact => _exact;

    /// <summary>How many bytes <see cref="WriteTo"/> writes.</summary>
    public long SerializedLength => 4 + (8L * _slots.Length);

    /// <summary>Writes the slots (little-endian) for <see cref="ReadFrom"/> to give back over the same exact table.</summary>
    public void WriteTo(Stream stream)
    {
        if (!BitConverter.IsLittleEndian)
        {
            throw new PlatformNotSupportedException("The stored lookup form is little-endian.");
        }

        Span<byte> header = stackalloc byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(header, _slots.Length);
        stream.Write(header);
        stream.Write(MemoryMarshal.AsBytes(_slots.AsSpan()));
    }

    /// <summary>
    /// The table <see cref="WriteTo"/> wrote for <paramref name="exact"/>, read straight into its array; throws
    /// <see cref="InvalidDataException"/> when the form cannot be that of this table (another size, an entry out of range
    /// or not a distinct string's, another number of entries). The caller checks the bytes' hash.
    /// </summary>
    public static Utf8IgnoreCaseLookup ReadFrom(Stream stream, long length, Utf8Lookup exact)
    {
        Span<byte> header = stackalloc byte[4];
        stream.ReadExactly(header);
        var slotCount = BinaryPrimitives.ReadInt32LittleEndian(header);
        if (!BitConverter.IsLittleEndian || slotCount != Utf8Lookup.Capacity(exact.Count) || length != 4 + (8L * slotCount))
        {
            throw new InvalidDataException("Cached ignore-case table is not the table of these keys.");
        }

        var slots = new ulong[slotCount];
        stream.ReadExactly(MemoryMarshal.AsBytes(slots.AsSpan()));
        var filled = 0;
        var entries = (uint)exact.Strings.Count;
        foreach (var value in slots)
        {
            if (value != 0)
            {
                filled++;
                var entry = (uint)value - 1;
                if (entry >= entries || !exact.IsOwner((int)entry))
                {
                    throw new InvalidDataException("Cached ignore-case table names an entry it cannot hold.");
                }
            }
        }

        return filled == exact.Count
            ? new Utf8IgnoreCaseLookup(exact, slots)
            : throw new InvalidDataException("Cached ignore-case table holds another number of entries.");
    }

    public static Utf8IgnoreCaseLookup Build(Utf8Lookup exact)
    {
        var strings = exact.Strings;
        var slots = new ulong[Utf8Lookup.Capacity(exact.Count)];
        var mask = slots.Length - 1;
        Span<char> buffer = stackalloc char[256];
        for (var entry = 0; entry < strings.Count; entry++)
        {
            if (!exact.IsOwner(entry))
            {
                continue;
            }

            var bytes = strings.Bytes(entry);
            var chars = bytes.Length <= buffer.Length ? buffer : new char[bytes.Length];
            var hash = Hash(chars[..Utf8StringList.Decode(bytes, chars)]);
            var slot = Slot(hash, mask);
            while (slots[slot] != 0)
            {
                slot = (slot + 1) & mask;
            }

            slots[slot] = ((ulong)hash << 32) | (uint)(entry + 1);
        }

        return new Utf8IgnoreCaseLookup(exact, slots);
    }

    /// <summary>Every distinct string equal to <paramref name="text"/> ignoring case, in entry order; empty when none.</summary>
    public IReadOnlyList<string> FindAll(ReadOnlySpan<char> text)
    {
        var hash = Hash(text);
        var slot = Slot(hash, _mask);
        List<int>? entries = null;
        Span<char> buffer = stackalloc char[256];
        while (_slots[slot] is var value && value != 0)
        {
            if ((uint)(value >> 32) == hash)
            {
                var entry = (int)(uint)value - 1;
                var bytes = _exact.Strings.Bytes(entry);
                var chars = bytes.Length <= buffer.Length ? buffer : new char[bytes.Length];
                if (MemoryExtensions.Equals(chars[..Utf8StringList.Decode(bytes, chars)], text, StringComparison.OrdinalIgnoreCase))
                {
                    (entries ??= []).Add(entry);
                }
            }

            slot = (slot + 1) & _mask;
        }

        if (entries is null)
        {
            return Array.Empty<string>();
        }

        entries.Sort();
        return entries.Select(entry => _exact.Strings[entry]).ToArray();
    }

    /// <summary>
    /// A hash equal for strings equal under <see cref="StringComparison.OrdinalIgnoreCase"/> (equal length in chars, each
    /// char equal in upper case), the same in every process and on every machine (so the table can be stored): an ASCII
    /// char counts as its upper case; every other char, and the ASCII letters a non-ASCII letter cases into (I for ı,
    /// S for ſ, K for the Kelvin sign), count as one shared value, and the comparison decides. The runtime's casing of
    /// non-ASCII text (ICU's data, which a system update can change) never enters a stored hash; keys are nearly all
    /// ASCII, so they still spread over the table.
    /// </summary>
    internal static uint Hash(ReadOnlySpan<char> text)
    {
        var hash = 2166136261u ^ (uint)text.Length;
        foreach (var c in text)
        {
            uint value = c is >= 'a' and <= 'z' ? (uint)c - 32 : c;
            if (value is 'I' or 'S' or 'K' || c >= 0x80)
            {
                value = 0xFFFF;
            }

            hash = (hash ^ value) * 16777619u;
        }

        return hash ^ (hash >> 15);
    }

    /// <summary>The hash spread over the table (its low bits alone would crowd for keys that differ at the end).</summary>
    private static int Slot(uint hash, int mask) => (int)((hash * 0x9E3779B97F4A7C15UL) >> 32) & mask;
}
