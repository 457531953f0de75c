using System.IO.Hashing;

namespace PaperLsp.Core.Collections.Cache;

/// <summary>
/// What identifies one version of a collection file: length, last write time (UTC ticks) and a 64-bit XxHash3 of the
/// content. The hash is what makes a cache entry trustworthy; length and time are a cheap first check.
/// </summary>
public readonly record struct CollectionFileStamp(long Length, long LastWriteTicks, ulong ContentHash)
{
    private const int BufferSize = 1 << 20;

    /// <summary>Length and time only (the hash left 0), or null when the file cannot be read.</summary>
    public static (long Length, long LastWriteTicks)? ReadMetadata(string path)
    {
        try
        {
            var info = new FileInfo(path);
            return info.Exists ? (info.Length, info.LastWriteTimeUtc.Ticks) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return null;
        }
    }

    /// <summary>XxHash3 of the whole file, read sequentially in 1 MB blocks; null when it cannot be read.</summary>
    public static ulong? HashContent(string path, CancellationToken cancellationToken = default)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete,
                bufferSize: 1, FileOptions.SequentialScan);
            var hash = new XxHash3();
            var buffer = new byte[BufferSize];
            int read;
            while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                hash.Append(buffer.AsSpan(0, read));
            }

            return hash.GetCurrentHashAsUInt64();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return null;
        }
    }

    /// <summary>The full stamp of the file as it is now; null when it cannot be read.</summary>
    public static CollectionFileStamp? Read(string path, CancellationToken cancellationToken = default)
    {
        if (ReadMetadata(path) is not { } metadata || HashContent(path, cancellationToken) is not { } hash)
        {
            return null;
        }

        return new CollectionFileStamp(metadata.Length, metadata.LastWriteTicks, hash);
    }
}
