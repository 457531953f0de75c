using System.IO.Hashing;

namespace PaperLsp.Core.Collections;

/// <summary>
/// A plain listing's abstract left in its file: the abstract's line is <see cref="Length"/> bytes at <see cref="Offset"/>
/// of <see cref="File"/> (without its line break), with <see cref="Checksum"/> (XxHash3 of those bytes). <see cref="Read"/>
/// opens the file, checks its length and time, reads the bytes, checks the checksum and makes of them what the loader
/// makes of a line (UTF-8, invalid bytes as U+FFFD, trimmed); on any mismatch it answers null — no abstract, never another
/// paper's text. The file watcher then reloads the collection.
/// </summary>
public sealed record ListingFileAbstract(CollectionFileVersion File, long Offset, int Length, ulong Checksum) : PaperAbstract
{
    public override string? Read() =>
        File.ReadRange(Offset, Length) is { } bytes && XxHash3.HashToUInt64(bytes) == Checksum
            && PlainListingLoader.LineText(bytes) is var text && !string.IsNullOrWhiteSpace(text)
            ? text
            : null;
}
