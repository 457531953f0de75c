using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace PaperLsp.Core.Collections;

/// <summary>
/// An exact (ordinal) lookup of the strings of a <see cref="Utf8StringList"/>: an open-addressing table of entry numbers
/// keyed by a 64-bit hash of each string's bytes (<see cref="Hash"/>), the bytes compared on a hit. The first entry of equal strings owns them;
/// the later ones are the duplicates, found while inserting. No string or object per entry: a million keys are built in
/// about a third of a second (random writes, not the hash, dominate) into one array. Behaves as a <c>Dictionary&lt;string, int&gt;(StringComparer.Ordinal)</c> filled with
/// <c>TryAdd</c> in entry order. Immutable once built. The built table can be stored (<see cref="WriteTo"/>) and read
/// back over the same strings (<see cref="ReadFrom"/>), so a cached start does not hash every string again.
/// </summary>
internal sealed class Utf8Lookup
{
    /// <summary>Each slot: the hash's high 32 bits, then entry + 1 in the low 32 (0: empty).</summary>
    private readonly ulong[] _slots;
    private readonly int _mask;
    private readonly int[]? _ids;

    /// <summary>Entries whose string an earlier entry owns; null when none.</summary>
    private readonly HashSet<int>? _duplicates;

    /// <summary>Each duplicate and the entry owning its string, in entry order; empty when none.</summary>
    private readonly (int Entry, int Owner)[] _duplicateOwners;

    /// <summary>Slot count, distinct count and duplicate count, each an int32, before the slots in the stored form.</summary>
    private const int HeaderLength = 12;

    private Utf8Lookup(Utf8StringList strings, int[]? ids, ulong[] slots, (int Entry, int Owner)[] duplicateOwners, int count)
    {
        Strings = strings;
        _ids = ids;
        _slots = slots;
        _mask = slots.Length - 1;
        _duplicateOwners = duplicateOwners;
        _duplicates = duplicateOwners.Length == 0 ? null : [.. duplicateOwners.Select(d => d.Entry)];
        Count = count;
    }

    /// <summary>The entries' strings.</summary>
    public Utf8StringList Strings { get; }

    /// <summary>How many distinct strings the table holds.</summary>
    public int Count { get; }

    /// <summary>
    /// The table of <paramref name="strings"/>; entry i stands for id <c>ids[i]</c> (or i when <paramref name="ids"/> is null).
    /// </summary>
    /// <param name="strings">The entries.</param>
    /// <param name="ids">The id of each entry, or null: its position.</param>
    /// <param name="skipEmpty">Whether the empty string is left out (it then finds nothing).</param>
    /// <param name="duplicate">Called, in entry order, for each entry whose string an earlier entry has (entry, owner entry).</param>
    public static Utf8Lookup Build(Utf8StringList strings, int[]? ids = null, bool skipEmpty = false, Action<int, int>? duplicate = null)
    {
        var slots = new ulong[Capacity(strings.Count)];
        var mask = slots.Length - 1;
        List<(int Entry, int Owner)>? duplicates = null;
        var count = 0;
        for (var entry = 0; entry < strings.Count; entry++)
        {
            var bytes = strings.Bytes(entry);
            if (skipEmpty && bytes.IsEmpty)
            {
                continue;
            }

            var hash = Hash(bytes);
            var tag = hash & 0xFFFF_FFFF_0000_0000UL;
            var slot = (int)hash & mask;
            while (true)
            {
                var value = slots[slot];
                if (value == 0)
                {
                    slots[slot] = tag | (uint)(entry + 1);
                    count++;
                    break;
                }

                if ((value & 0xFFFF_FFFF_0000_0000UL) == tag)
                {
                    var owner = (int)(uint)value - 1;
                    if (strings.Bytes(owner).SequenceEqual(bytes))
                    {
                        (duplicates ??= []).Add((entry, owner));
                        duplicate?.Invoke(entry, owner);
                        break;
                    }
                }

                slot = (slot + 1) & mask;
            }
        }

        return new Utf8Lookup(strings, ids, slots, duplicates is null ? [] : [.. duplicates], count);
    }

    /// <summary>Each entry whose string an earlier entry has, with that earlier entry (the owner), in entry order.</summary>
    public ReadOnlySpan<(int Entry, int Owner)> Duplicates => _duplicateOwners;

    /// <summary>Whether entries stand for other ids than their positions (an index of several collections).</summary>
    public bool HasIds => _ids is not null;

    /// <summary>How many bytes <see cref="WriteTo"/> writes.</summary>
    public long SerializedLength => HeaderLength + (8L * _slots.Length) + (8L * _duplicateOwners.Length);

    /// <summary>
    /// Writes the table (slots and duplicates as they are in memory, little-endian; not the strings nor the ids) for
    /// <see cref="ReadFrom"/> to give back over the same strings.
    /// </summary>
    public void WriteTo(Stream stream)
    {
        if (!BitConverter.IsLittleEndian)
        {
            throw new PlatformNotSupportedException("The stored lookup form is little-endian.");
        }

        Span<byte> header = stackalloc byte[HeaderLength];
        BinaryPrimitives.WriteInt32LittleEndian(header, _slots.Length);
        BinaryPrimitives.WriteInt32LittleEndian(header[4..], Count);
        BinaryPrimitives.WriteInt32LittleEndian(header[8..], _duplicateOwners.Length);
        stream.Write(header);
        stream.Write(MemoryMarshal.AsBytes(_slots.AsSpan()));
        stream.Write(MemoryMarshal.AsBytes(_duplicateOwners.AsSpan()));
    }

    /// <summary>
    /// The table <see cref="WriteTo"/> wrote for <paramref name="strings"/>, read straight into its arrays. Throws
    /// <see cref="InvalidDataException"/> when the form cannot be a table of these strings (another size, an entry out of
    /// range, counts that do not add up): the caller checks the bytes' hash, this checks what a hash cannot (a table of
    /// other strings). Whether each slot's hash is that of its string is not checked (that is the build it spares).
    /// </summary>
    public static Utf8Lookup ReadFrom(Stream stream, long length, Utf8StringList strings)
    {
        if (!BitConverter.IsLittleEndian)
        {
            throw new InvalidDataException("The stored lookup form is little-endian.");
        }

        Span<byte> header = stackalloc byte[HeaderLength];
        stream.ReadExactly(header);
        var slotCount = BinaryPrimitives.ReadInt32LittleEndian(header);
        var count = BinaryPrimitives.ReadInt32LittleEndian(header[4..]);
        var duplicateCount = BinaryPrimitives.ReadInt32LittleEndian(header[8..]);
        if (slotCount != Capacity(strings.Count) || count < 0 || duplicateCount < 0 || (long)count + duplicateCount > strings.Count
            || length != HeaderLength + (8L * slotCount) + (8L * duplicateCount))
        {
            throw new InvalidDataException("Cached lookup table is not the table of these strings.");
        }

        var slots = new ulong[slotCount];
        var duplicates = new (int Entry, int Owner)[duplicateCount];
        stream.ReadExactly(MemoryMarshal.AsBytes(slots.AsSpan()));
        stream.ReadExactly(MemoryMarshal.AsBytes(duplicates.AsSpan()));
        var filled = 0;
        var entries = (uint)strings.Count;
        foreach (var value in slots)
        {
            if (value != 0)
            {
                filled++;
                if ((uint)value - 1 >= entries)
                {
                    throw new InvalidDataException("Cached lookup table names an entry out of range.");
                }
            }
        }

        var previous = -1;
        foreach (var (entry, owner) in duplicates)
        {
            if (entry <= previous || (uint)entry >= entries || owner < 0 || owner >= entry)
            {
                throw new InvalidDataException("Cached lookup table has impossible duplicates.");
            }

            previous = entry;
        }

        return filled == count
            ? new Utf8Lookup(strings, ids: null, slots, duplicates, count)
            : throw new InvalidDataException("Cached lookup table holds another number of entries than it says.");
    }

    /// <summary>The id of the entry whose string is <paramref name="text"/>.</summary>
    public bool TryFind(ReadOnlySpan<char> text, out int id)
    {
        var byteCount = Utf8StringList.ByteCount(text);
        var buffer = byteCount <= 512 ? stackalloc byte[byteCount] : new byte[byteCount];
        Utf8StringList.Encode(text, buffer);
        return TryFind(buffer, out id);
    }

    /// <summary>The id of the entry whose bytes are <paramref name="utf8"/>.</summary>
    public bool TryFind(ReadOnlySpan<byte> utf8, out int id)
    {
        var entry = FindEntry(utf8);
        id = entry < 0 ? -1 : _ids is null ? entry : _ids[entry];
        return entry >= 0;
    }

    /// <summary>The distinct strings, in the order of their first entries, each made as it is enumerated.</summary>
    public IEnumerable<string> DistinctStrings()
    {
        for (var entry = 0; entry < Strings.Count; entry++)
        {
            if (_duplicates is null || !_duplicates.Contains(entry))
            {
                yield return Strings[entry];
            }
        }
    }

    /// <summary>Whether entry <paramref name="entry"/> is the owner of its string (not a later duplicate).</summary>
    public bool IsOwner(int entry) => _duplicates is null || !_duplicates.Contains(entry);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int FindEntry(ReadOnlySpan<byte> utf8)
    {
        var hash = Hash(utf8);
        var tag = hash & 0xFFFF_FFFF_0000_0000UL;
        var slot = (int)hash & _mask;
        while (true)
        {
            var value = _slots[slot];
            if (value == 0)
            {
                return -1;
            }

            if ((value & 0xFFFF_FFFF_0000_0000UL) == tag)
            {
                var entry = (int)(uint)value - 1;
                if (Strings.Bytes(entry).SequenceEqual(utf8))
                {
                    return entry;
                }
            }

            slot = (slot + 1) & _mask;
        }
    }

    /// <summary>
    /// A 64-bit hash of the bytes, eight at a time with a multiply-and-shift mix (murmur's finalizer at the end). Inlined
    /// into the build loop, which is compiled optimized at once: a library hash called a million times within a second of
    /// start runs as tier-0 code for most of them.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static ulong Hash(ReadOnlySpan<byte> bytes)
    {
        var hash = 0x9E3779B97F4A7C15UL ^ (ulong)bytes.Length;
        while (bytes.Length >= 8)
        {
            hash = (hash ^ BinaryPrimitives.ReadUInt64LittleEndian(bytes)) * 0xFF51AFD7ED558CCDUL;
            hash ^= hash >> 32;
            bytes = bytes[8..];
        }

        ulong tail = 0;
        for (var i = 0; i < bytes.Length; i++)
        {
            tail |= (ulong)bytes[i] << (8 * i);
        }

        hash = (hash ^ tail) * 0xFF51AFD7ED558CCDUL;
        hash ^= hash >> 33;
        hash *= 0xC4CEB9FE1A85EC53UL;
        return hash ^ (hash >> 33);
    }

    /// <summary>A power of two at least 1.5 times the entries (never full, so a probe always ends at an empty slot).</summary>
    internal static int Capacity(int entries)
    {
        var capacity = 4;
        while (capacity < entries + (entries / 2) + 1)
        {
            capacity *= 2;
        }

        return capacity;
    }
}
