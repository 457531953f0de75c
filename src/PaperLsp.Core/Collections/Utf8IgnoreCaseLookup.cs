using System.Runtime.CompilerServices;

namespace PaperLsp.Core.Collections;

/// <summary>
/// The distinct strings of a <see cref="Utf8Lookup"/> found ignoring case exactly as
/// <see cref="StringComparer.OrdinalIgnoreCase"/> does (its hash and its equality, over the decoded text: a key with
/// non-ASCII letters, or one that folds to ASCII such as "ı", behaves as it did in a dictionary). An open-addressing table
/// of entry numbers, every spelling kept, so a lookup finds all spellings of a key. Built on first use (keys that differ
/// from a known one only in case are rare: most sessions never ask).
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

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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

    private static uint Hash(ReadOnlySpan<char> text) => (uint)string.GetHashCode(text, StringComparison.OrdinalIgnoreCase);

    /// <summary>The hash spread over the table (its low bits alone would crowd for keys that differ at the end).</summary>
    private static int Slot(uint hash, int mask) => (int)((hash * 0x9E3779B97F4A7C15UL) >> 32) & mask;
}
