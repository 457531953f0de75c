namespace PaperLsp.Core.Collections;

/// <summary>One version of a collection file as it was read: its path, length and last write time (UTC ticks). Shared by
/// every <see cref="BibTexFileAbstract"/> and <see cref="ListingFileAbstract"/> read from that version.</summary>
public sealed record CollectionFileVersion(string Path, long Length, long LastWriteTicks)
{
    /// <summary>Whether the file at <see cref="Path"/>, opened as <paramref name="handle"/>, still has this length and time.</summary>
    internal bool Matches(Microsoft.Win32.SafeHandles.SafeFileHandle handle) =>
        RandomAccess.GetLength(handle) == Length && File.GetLastWriteTimeUtc(handle).Ticks == LastWriteTicks;
}
