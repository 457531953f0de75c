using System.Collections.Immutable;

namespace PaperLsp.Core.Collections;

/// <summary>What <see cref="BibTexParser"/> reads from a .bib text: the entries in file order, the <c>@string</c> macros as
/// defined at the end of the file (the month macros included), and the problems found.</summary>
public sealed record BibTexDocument(
    string FilePath,
    ImmutableArray<BibTexEntry> Entries,
    IReadOnlyDictionary<string, string> Macros,
    ImmutableArray<CollectionProblem> Problems)
{
    /// <summary>Abstracts left in the file, keyed by the very string instance of the abstract field's value (a child
    /// inheriting an abstract through crossref holds the same instance); null when the text was not read from a file.</summary>
    internal IReadOnlyDictionary<string, BibTexFileAbstract>? FileAbstracts { get; init; }
}
