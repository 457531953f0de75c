namespace PaperLsp.Core.Collections;

/// <summary>One block as <see cref="BibTexParser"/> parsed it, before macros are resolved: the entry or @string as
/// written, or the problem that skips it.</summary>
internal readonly record struct BibTexParsedBlock(BibTexSourceChunk Chunk, BibTexRawEntry? Raw, CollectionProblem? Problem);
