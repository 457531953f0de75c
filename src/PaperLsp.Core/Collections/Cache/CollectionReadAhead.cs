namespace PaperLsp.Core.Collections.Cache;

/// <summary>
/// A cache read started before anyone asked for the file (<see cref="CachedCollectionLoader.ReadAheadLastServed"/>): the
/// file's length and time when it began, and what the read found: the cached result (null on a miss) and the content hash
/// it started (null when the read failed), which a miss's parse stores instead of hashing the file again. Taken only by a
/// load that finds the file with the same length and time.
/// </summary>
internal sealed record CollectionReadAhead((long Length, long LastWriteTicks) Metadata, Task<(CollectionLoadResult? Cached, Task<ulong?>? Hashing)> Result);
