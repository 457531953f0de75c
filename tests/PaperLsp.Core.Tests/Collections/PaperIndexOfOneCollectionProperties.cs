using System.Collections.Immutable;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using PaperLsp.Core.Collections;
using PaperLsp.Core.Matching;

namespace PaperLsp.Core.Tests.Collections;

/// <summary>
/// The index of one collection defers its key and title lookups to first use; it answers exactly as the merging build
/// does for that collection: same papers, titles, problems (duplicate keys in file order), key, title and case-insensitive
/// key lookups, with titles normalized here or handed over by the cache.
/// </summary>
public class PaperIndexOfOneCollectionProperties
{
    private static readonly string[] Titles = ["Attention", "attention!", "Graph Networks", "!!!", "", "Lattices"];
    private static readonly string[] Keys = ["a", "b", "c", "A", "B", ""];

    private static readonly Gen<CollectionLoadResult> Collection =
        Gen.Choose(0, 8).SelectMany(count => Gen.Elements(Titles).Zip(Gen.Elements(Keys)).ListOf(count))
            .Zip(Gen.Elements(".bib", ".txt"))
            .Select(generated => new CollectionLoadResult(
                "/c" + generated.Item2,
                [.. generated.Item1.Select((e, line) => new Paper
                {
                    Key = e.Item2, Title = e.Item1, Source = new SourceLocation("/c" + generated.Item2, line + 1),
                })],
                [new CollectionProblem("/c" + generated.Item2, 1, 1, "PN010", "a problem of the file")]));

    [Property(MaxTest = 300)]
    public Property One_collection_answers_as_the_merging_build_does() =>
        Prop.ForAll(
            Collection.Zip(Gen.Elements(false, true)).ToArbitrary(),
            generated =>
            {
                var (collection, fromCache) = generated;
                if (fromCache)
                {
                    collection = collection with
                    {
                        // As the cache gives them: titles and keys of their own, so the lookups read no paper's key.
                        IndexParts = new CollectionIndexParts(
                            collection.Papers,
                            collection.Papers.Length,
                            () => [.. collection.Papers.Select(p => TitleNormalizer.Normalize(p.Title))],
                            () => [.. collection.Papers.Select(p => p.Key)],
                            null),
                    };
                }

                var merged = PaperIndex.BuildMerged([collection]);
                var deferred = PaperIndex.Build([collection]);

                var samePapers = deferred.Papers.Zip(merged.Papers).All(pair => ReferenceEquals(pair.First, pair.Second)) && deferred.Count == merged.Count
                                 && deferred.NormalizedTitles.SequenceEqual(merged.NormalizedTitles);
                var sameProblems = deferred.Problems.SequenceEqual(merged.Problems);
                var sameKeys = Keys.All(k => ReferenceEquals(deferred.FindByKey(k), merged.FindByKey(k))
                                             && deferred.KeysIgnoringCase(k).SequenceEqual(merged.KeysIgnoringCase(k)));
                var sameTitles = Titles.All(t => ReferenceEquals(deferred.FindByTitle(t), merged.FindByTitle(t)));
                return samePapers.Label("papers").And(sameProblems.Label("problems")).And(sameKeys.Label("keys")).And(sameTitles.Label("titles"));
            });

    [Fact]
    public void A_duplicate_key_is_reported_on_the_later_entry_and_resolves_to_the_first()
    {
        Paper Entry(string key, string title, int line) => new() { Key = key, Title = title, Source = new SourceLocation("/refs.bib", line) };
        var collection = new CollectionLoadResult("/refs.bib", [Entry("vaswani2017", "Attention", 1), Entry("vaswani2017", "Transformers", 9)], []);

        var index = PaperIndex.Build([collection]);

        Assert.Equal("Attention", index.FindByKey("vaswani2017")?.Title);
        var problem = Assert.Single(index.Problems);
        Assert.Equal(("PN011", 9), (problem.Code, problem.Line));
        Assert.Contains("already used by \"Attention\" (refs.bib:1)", problem.Message, StringComparison.Ordinal);
    }
}
