namespace PaperLsp.Core.Collections.Cache;

/// <summary>
/// The header row of one cached collection: the stamp it was written for, how many papers and chunks it holds, and when
/// it was written (which tells one write from the next, whose row may get the same id).
/// </summary>
internal sealed record CachedCollectionEntry(long Id, string Path, CollectionFileStamp Stamp, int PaperCount, int ChunkCount, long WrittenAt);
