namespace PaperLsp.Core.Collections;

/// <summary>
/// One <c>@…</c> block read by <see cref="BibTexChunkReader"/>: where it starts (byte offset in the file, 1-based line,
/// 1-based UTF-16 column) and, for entries and <c>@string</c>, its text decoded on its own — the parser never sees the
/// whole file. <see cref="IsValidUtf8"/> tells whether character positions in <see cref="Text"/> map to byte offsets.
/// </summary>
internal sealed record BibTexSourceChunk(
    BibTexChunkKind Kind,
    string Type,
    long ByteOffset,
    int Line,
    int Column,
    string? Text,
    bool IsValidUtf8,
    string? Problem = null);
