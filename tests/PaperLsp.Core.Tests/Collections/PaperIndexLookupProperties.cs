using System.Collections.Immutable;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using PaperLsp.Core.Collections;
using PaperLsp.Core.Collections.Cache;
using PaperLsp.Core.Matching;

namespace PaperLsp.Core.Tests.Collections;

/// <summary>
/// The index's key and title lookups answer as dictionaries over its papers would: keys first-wins and ordinal
/// (duplicates reported in file order), titles by their normal form, keys ignoring case as
/// <see cref="StringComparer.OrdinalIgnoreCase"/> groups them — for any keys and titles (duplicates, empty titles, case
/// variants, non-ASCII), one collection parsed or from the cache's bytes, and several merged.
/// </summary>
public class PaperIndexLookupProperties
{
    private static readonly string[] KeyPieces = ["a", "A", "b", "é", "É", "ı", "I", "i", "ß", "\u212A", "k", ":", "2020", ""];
    private static readonly string[] TitlePieces = ["Attention", "attention!", "Çà et là", "ÇA ET LA", "", "!!!", "Σίσυφος", "ΣΊΣΥΦΟΣ", "Graph {N}etworks", "straße", " "];

    private static readonly Gen<string> Key = Gen.Choose(0, 3).SelectMany(n => Gen.Elements(KeyPieces).ListOf(n)).Select(parts => string.Concat(parts));
    private static readonly Gen<string> Title = Gen.Choose(0, 2).SelectMany(n => Gen.Elements(TitlePieces).ListOf(n)).Select(parts => string.Join(' ', parts));

    private static Gen<CollectionLoadResult> Collection(string path) =>
        Gen.Choose(0, 10).SelectMany(n => Key.Zip(Title).ListOf(n))
            .Select(entries => new CollectionLoadResult(
                path,
                [.. entries.Select((e, line) => new Paper { Key = e.Item1, Title = e.Item2, Source = new SourceLocation(path, line + 1) })],
                ImmutableArray<CollectionProblem>.Empty));

    [Property(MaxTest = 300)]
    public Property One_collection_parsed_or_cached_answers_as_dictionaries_over_its_papers() =>
        Prop.ForAll(
            Collection("/refs.bib").Zip(Gen.Elements(false, true)).Zip(Gen.Choose(0, 4).SelectMany(n => Key.Zip(Title).ListOf(n))).ToArbitrary(),
            generated =>
            {
                var ((collection, fromCache), queries) = generated;
                if (fromCache)
                {
                    collection = collection with { IndexParts = CachedParts(collection) };
                }

                var index = PaperIndex.Build([collection]);
                var byKey = FirstWins(index.Papers.Select((p, id) => (p.Key, id)));
                var expectedDuplicates = index.Papers.Select((p, id) => (p, id)).Where(x => byKey[x.p.Key] != x.id).Select(x => x.p.Source.Line);
                return AnswersAsDictionaries(index, byKey, queries)
                    .And(index.Problems.Select(p => p.Line).SequenceEqual(expectedDuplicates).Label("duplicate keys"))
                    .And(index.Problems.All(p => p.Code == "PN011").Label("problem codes"));
            });

    [Property(MaxTest = 300)]
    public Property Merged_collections_answer_as_dictionaries_over_the_merged_papers() =>
        Prop.ForAll(
            (from first in Collection("/a.bib")
             from second in Collection("/b.bib")
             from third in Collection("/c.txt")
             from queries in Gen.Choose(0, 4).SelectMany(n => Key.Zip(Title).ListOf(n))
             select (Collections: new[] { first, second, third }, Queries: queries)).ToArbitrary(),
            generated =>
            {
                var index = PaperIndex.BuildMerged([.. generated.Collections]);
                // Every source's key resolves to its merged paper, the first paper (in index order) keeping a key.
                var byKey = FirstWins(index.Papers.SelectMany((p, id) => new[] { p.Key }.Concat(p.OtherKeys).Select(k => (k, id))));
                return AnswersAsDictionaries(index, byKey, generated.Queries, keyOrderKnown: false);
            });

    /// <summary>The parts as the cache gives them back: the titles and keys written as string lists and read from those bytes.</summary>
    private static CollectionIndexParts CachedParts(CollectionLoadResult collection)
    {
        CachedStrings Stored(IReadOnlyList<string> strings)
        {
            using var stream = new MemoryStream();
            CachedStrings.WriteTo(stream, strings);
            var bytes = stream.ToArray();
            return CachedStrings.Read(bytes, System.IO.Hashing.XxHash3.HashToUInt64(bytes));
        }

        return new CollectionIndexParts(
            collection.Papers,
            Stored([.. collection.Papers.Select(p => TitleNormalizer.Normalize(p.Title))]).List,
            Stored([.. collection.Papers.Select(p => p.Key)]).List,
            search: null);
    }

    private static Dictionary<string, int> FirstWins(IEnumerable<(string Key, int Id)> entries)
    {
        var dictionary = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (key, id) in entries)
        {
            dictionary.TryAdd(key, id);
        }

        return dictionary;
    }

    /// <param name="index">The index.</param>
    /// <param name="byKey">The expected key lookup, filled in the order the index takes keys (when <paramref name="keyOrderKnown"/>).</param>
    /// <param name="queries">More keys and titles to look up than the papers have.</param>
    /// <param name="keyOrderKnown">Whether <paramref name="byKey"/>'s order is the index's (within a merged paper it is not).</param>
    private static Property AnswersAsDictionaries(PaperIndex index, Dictionary<string, int> byKey, List<(string, string)> queries, bool keyOrderKnown = true)
    {
        var byTitle = FirstWins(index.NormalizedTitles.Select((t, id) => (t, id)).Where(x => x.t.Length > 0));
        var keys = byKey.Keys.Concat(queries.Select(q => q.Item1)).Concat(byKey.Keys.Select(k => k.ToUpperInvariant())).Append(string.Empty).ToList();
        var titles = index.Papers.Select(p => p.Title).Concat(queries.Select(q => q.Item2)).ToList();

        var sameKeys = keys.All(k => ReferenceEquals(index.FindByKey(k), byKey.TryGetValue(k, out var id) ? index.Papers[id] : null));
        var sameTitles = titles.All(t => ReferenceEquals(index.FindByTitle(t), byTitle.TryGetValue(TitleNormalizer.Normalize(t), out var id) ? index.Papers[id] : null));
        var allKeys = keyOrderKnown ? index.Keys.SequenceEqual(byKey.Keys) : index.Keys.Order(StringComparer.Ordinal).SequenceEqual(byKey.Keys.Order(StringComparer.Ordinal));
        var sameSpellings = keys.All(k =>
        {
            var expected = byKey.Keys.Where(o => string.Equals(o, k, StringComparison.OrdinalIgnoreCase));
            return keyOrderKnown ? index.KeysIgnoringCase(k).SequenceEqual(expected) : index.KeysIgnoringCase(k).Order(StringComparer.Ordinal).SequenceEqual(expected.Order(StringComparer.Ordinal));
        });
        return sameKeys.Label("keys").And(sameTitles.Label("titles")).And(allKeys.Label("all keys")).And(sameSpellings.Label("keys ignoring case"));
    }
}
