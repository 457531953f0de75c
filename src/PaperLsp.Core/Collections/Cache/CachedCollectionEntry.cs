namespace PaperLsp.Core.Collections.Cache;

/// <summary>The header row of one cached collection: the stamp it was written for and how many papers and chunks it holds.</summary>
internal sealed record CachedCollectionEntry(long Id, string Path, CollectionFileStamp Stamp, int PaperCount, int ChunkCount);
