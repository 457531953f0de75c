namespace PaperLsp.Core.Collections;

/// <summary>What the grammar reads from one <c>@type{key, fields}</c>: the key is empty when the entry has none.</summary>
internal sealed record BibTexRawEntry(string Type, string Key, IReadOnlyList<BibTexRawField> Fields);
