using System.IO.Hashing;
using System.Text;

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
    public override string? Read()
    {
        try
        {
            using var handle = System.IO.File.OpenHandle(File.Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            if (!File.Matches(handle))
            {
                return null;
            }

            var bytes = new byte[Length];
            var read = 0;
            while (read < Length)
            {
                var n = RandomAccess.Read(handle, bytes.AsSpan(read), Offset + read);
                if (n == 0)
                {
                    return null;
                }

                read += n;
            }

            return XxHash3.HashToUInt64(bytes) == Checksum && PlainListingLoader.LineText(bytes) is var text
                && !string.IsNullOrWhiteSpace(text) ? text : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return null;
        }
    }
}
