using System.IO.Hashing;
using System.Runtime.InteropServices;
using System.Text;

namespace PaperLsp.Core.Collections;

/// <summary>
/// A .bib abstract left in its file: the raw value (between its braces or quotes) is <see cref="Length"/> bytes at
/// <see cref="Offset"/> of <see cref="File"/>, with <see cref="Checksum"/> (XxHash3 of its UTF-16 text: the bytes are
/// valid UTF-8, so the text stands for them, and the parser, which sees text, needs no bytes). <see cref="Read"/> opens the file,
/// checks its length and time, reads the bytes, checks the checksum and decodes the LaTeX as the loader would have;
/// on any mismatch it answers null — no abstract, never another entry's text. The file watcher then reloads the
/// collection.
/// </summary>
public sealed record BibTexFileAbstract(CollectionFileVersion File, long Offset, int Length, ulong Checksum) : PaperAbstract
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public override string? Read()
    {
        if (File.ReadRange(Offset, Length) is not { } bytes)
        {
            return null;
        }

        try
        {
            var raw = StrictUtf8.GetString(bytes);
            return ChecksumOf(raw) == Checksum ? Decode(raw) : null;
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    internal static ulong ChecksumOf(ReadOnlySpan<char> raw) => XxHash3.HashToUInt64(MemoryMarshal.AsBytes(raw));

    /// <summary>What the loader makes of a raw abstract value: LaTeX decoded, null when nothing is left.</summary>
    internal static string? Decode(string raw) =>
        !string.IsNullOrWhiteSpace(raw) && LatexDecoder.Decode(raw) is { Length: > 0 } decoded ? decoded : null;
}
