using System.Collections.Immutable;

namespace PaperLsp.Core.Collections;

/// <summary>What <see cref="BibTexParser"/> reads from a .bib text: the entries in file order, the <c>@string</c> macros as
/// defined at the end of the file (the month macros included), and the problems found.</summary>
public sealed record BibTexDocument(
    string FilePath,
    ImmutableArray<BibTexEntry> Entries,
    IReadOnlyDictionary<string, string> Macros,
    ImmutableArray<CollectionProblem> Problems);
