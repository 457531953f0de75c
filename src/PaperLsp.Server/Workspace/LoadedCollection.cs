using PaperLsp.Core.Collections;

namespace PaperLsp.Server.Workspace;

/// <summary>The last accepted load of one collection file, with the file stamp it was read at.</summary>
public sealed record LoadedCollection(CollectionLoadResult Result, DateTime LastWriteTimeUtc, long Length);
