namespace PaperLsp.Core.Collections;

/// <summary>The bytes a .bib text was decoded from (valid UTF-8, so character and byte positions correspond), with the
/// file version they were read from: what lets the parser leave abstracts in the file as <see cref="BibTexFileAbstract"/>.
/// <paramref name="TextStart"/> is the byte offset of the text's first character (3 after a BOM).</summary>
internal sealed record BibTexSourceBytes(CollectionFileVersion Version, ReadOnlyMemory<byte> Bytes, int TextStart);
