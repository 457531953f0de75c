using System.Runtime.CompilerServices;

namespace PaperLsp.Core.Collections.Cache;

/// <summary>
/// The cache's numbers: unsigned LEB128 (7 bits a byte, low first, high bit set on every byte but the last). One
/// definition for the chunk reader and writer and the UTF-8 string lists, which store their lengths the same way.
/// </summary>
internal static class Varint
{
    /// <summary>How many bytes <see cref="Write"/> takes for <paramref name="value"/>.</summary>
    public static int Length(ulong value)
    {
        var length = 1;
        while (value >= 0x80)
        {
            value >>= 7;
            length++;
        }

        return length;
    }

    /// <summary>Writes <paramref name="value"/> at the start of <paramref name="destination"/>; returns the bytes written.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Write(Span<byte> destination, ulong value)
    {
        var i = 0;
        while (value >= 0x80)
        {
            destination[i++] = (byte)(value | 0x80);
            value >>= 7;
        }

        destination[i++] = (byte)value;
        return i;
    }

    /// <summary>Reads the number at <paramref name="position"/> and moves past it; damaged data throws <see cref="InvalidDataException"/> (a cache miss).</summary>
    // Inlined into the chunk decoder's loops, which read several numbers per paper.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Read(ReadOnlySpan<byte> data, ref int position)
    {
        ulong value = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            if ((uint)position >= (uint)data.Length)
            {
                throw new InvalidDataException("Cached data ends inside a number.");
            }

            var b = data[position++];
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return value;
            }
        }

        throw new InvalidDataException("Cached data has an overlong number.");
    }
}
