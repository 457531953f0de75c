namespace PaperLsp.Core.Matching;

/// <summary>What the search index needs of a paper, already folded by <see cref="TitleNormalizer"/>.</summary>
public readonly record struct SearchableFields(string FoldedTitle, string FoldedAuthors, string Key, string? Year);
