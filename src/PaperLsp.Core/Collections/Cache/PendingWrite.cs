namespace PaperLsp.Core.Collections.Cache;

/// <summary>A parsed collection waiting to be written to the cache, with the stamp of the file it was parsed from.</summary>
internal sealed record PendingWrite(CollectionFileStamp Stamp, CollectionLoadResult Result);
