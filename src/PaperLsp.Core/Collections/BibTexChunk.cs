namespace PaperLsp.Core.Collections;

/// <summary>One <c>@…</c> block as the block reader and the grammar see it: [Start, End) in a text, starting at Line/Column (1-based).</summary>
internal readonly record struct BibTexChunk(
    BibTexChunkKind Kind,
    string Type,
    int Start,
    int End,
    int Line,
    int Column);
