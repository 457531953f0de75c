namespace PaperLsp.Core.Collections;

/// <summary>One version of a collection file as it was read: its path, length and last write time (UTC ticks). Shared by
/// every <see cref="BibTexFileAbstract"/> and <see cref="ListingFileAbstract"/> read from that version.</summary>
public sealed record CollectionFileVersion(string Path, long Length, long LastWriteTicks)
{
    /// <summary>Whether the file at <see cref="Path"/>, opened as <paramref name="handle"/>, still has this length and time.</summary>
    internal bool Matches(Microsoft.Win32.SafeHandles.SafeFileHandle handle) =>
        RandomAccess.GetLength(handle) == Length && File.GetLastWriteTimeUtc(handle).Ticks == LastWriteTicks;

    /// <summary>
    /// The <paramref name="length"/> bytes at <paramref name="offset"/> of the file, when it is still this version (same
    /// length and time); null when it changed, went away or cannot be read. Never throws.
    /// </summary>
    internal byte[]? ReadRange(long offset, int length)
    {
        try
        {
            using var handle = File.OpenHandle(Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            if (!Matches(handle))
            {
                return null;
            }

            var bytes = new byte[length];
            var read = 0;
            while (read < length)
            {
                var n = RandomAccess.Read(handle, bytes.AsSpan(read), offset + read);
                if (n == 0)
                {
                    return null;
                }

                read += n;
            }

            return bytes;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return null;
        }
    }
}
