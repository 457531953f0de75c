using System.Collections.Immutable;

namespace PaperLsp.Core.Collections;

/// <summary>What <see cref="PaperIndex"/> finds papers by: each key and each non-empty normalized title to its first paper, and the problems including duplicate keys.</summary>
/// <param name="ByKey">Every key that resolves (merged sources' too) to its paper id.</param>
/// <param name="ByTitle">Each non-empty normalized title to its first paper id; its strings are every paper's normalized title.</param>
/// <param name="Problems">Problems of every collection plus duplicate keys.</param>
/// <param name="KeysIgnoringCase">The ignore-case table over <paramref name="ByKey"/> when the cache stored it; null: built on first use.</param>
internal sealed record PaperLookups(Utf8Lookup ByKey, Utf8Lookup ByTitle, ImmutableArray<CollectionProblem> Problems, Utf8IgnoreCaseLookup? KeysIgnoringCase = null);
