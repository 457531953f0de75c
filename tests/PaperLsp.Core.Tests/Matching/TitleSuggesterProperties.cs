using System.Collections.Immutable;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using PaperLsp.Core.Matching;

namespace PaperLsp.Core.Tests.Matching;

/// <summary>
/// The suggester picks its candidate pool by shared-stem buckets instead of sorting every touched title; the answers
/// must be those of the plain definition (sort all by shared stems desc, id asc; take the pool; rank by trigram Dice).
/// The vocabulary is small so that thousands of titles share stems and the common stems' lists are only probed.
/// </summary>
public class TitleSuggesterProperties
{
    private static readonly string[] Vocabulary =
    [
        "the", "attention", "graph", "neural", "networks", "for", "learning", "secure", "lattice", "signatures",
        "random", "encryption", "of", "transformer", "efficient", "models", "on", "deep", "sparse", "kernels",
    ];

    private static readonly ImmutableArray<string> Titles = MakeTitles(3000, seed: 7);

    private static readonly TitleSuggester Suggester = new(Titles);

    [Property(MaxTest = 200)]
    public Property Closest_equals_sorting_every_candidate() =>
        Prop.ForAll(
            Gen.ListOf(Gen.Elements(Vocabulary.Concat(["atention", "grph", "unrelated"]).ToArray()))
                .Where(words => words.Count is > 0 and < 9)
                .Select(words => string.Join(' ', words))
                .ToArbitrary(),
            Gen.Choose(1, 7).ToArbitrary(),
            (query, limit) => Assert.Equal(ReferenceClosest(Titles, query, limit), Suggester.Closest(query, limit)));

    /// <summary>Words whose stems take every path: letters and digits (a fixed slot), accents and other scripts (decoded), short words.</summary>
    private static readonly string[] MixedVocabulary =
    [
        "the", "attention", "graph", "neural", "of", "on", "2021", "3d", "über", "uber", "naïve", "nai", "αβγδ", "αβ", "日本語",
        "e", "é", "ab", "abc", "abcd", "x1", "x1y", "zz",
    ];

    /// <summary>
    /// Collections of any size (fewer titles than the pool too) and vocabularies small or large, so that the pool's lowest
    /// shared count, and with it which lists propose candidates and which are only probed, varies from query to query.
    /// </summary>
    [Property(MaxTest = 300)]
    public Property Closest_equals_the_definition_for_any_collection() =>
        Prop.ForAll(
            (from count in Gen.Choose(1, 1500)
             from vocabulary in Gen.Choose(2, MixedVocabulary.Length)
             from seed in Gen.Choose(0, 10_000)
             select (Count: count, Vocabulary: vocabulary, Seed: seed)).ToArbitrary(),
            Gen.Choose(1, 5).ToArbitrary(),
            (collection, limit) =>
            {
                var (count, vocabulary, seed) = collection;
                var words = MixedVocabulary[..vocabulary];
                var titles = MakeTitles(count, seed, words);
                var random = new Random(seed + 1);
                var suggester = new TitleSuggester(titles);
                for (var q = 0; q < 5; q++)
                {
                    var query = string.Join(' ', Enumerable.Range(0, 1 + random.Next(8)).Select(_ => MixedVocabulary[random.Next(MixedVocabulary.Length)]));
                    Assert.Equal(ReferenceClosest(titles, query, limit), suggester.Closest(query, limit));
                }
            });

    private static ImmutableArray<string> MakeTitles(int count, int seed, string[]? words = null)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count)
            .Select(_ => string.Join(' ', Enumerable.Range(0, 2 + random.Next(7)).Select(_ => (words ?? Vocabulary)[random.Next((words ?? Vocabulary).Length)])))
            .ToImmutableArray();
    }

    /// <summary>The definition: count shared stems for every title, sort them all, keep 300, rank by Dice.</summary>
    private static int[] ReferenceClosest(ImmutableArray<string> titles, string query, int limit)
    {
        static string[] Stems(string text) =>
            text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => w.Length >= 2).Select(w => w.Length > 3 ? w[..3] : w).Distinct().ToArray();

        static HashSet<string> Trigrams(string text)
        {
            var padded = $"  {text} ";
            return Enumerable.Range(0, padded.Length - 2).Select(i => padded.Substring(i, 3)).ToHashSet();
        }

        var queryStems = Stems(query);
        var queryTrigrams = Trigrams(query);
        return titles
            .Select((title, id) => (Id: id, Shared: Stems(title).Count(queryStems.Contains)))
            .Where(c => c.Shared > 0)
            .OrderByDescending(c => c.Shared).ThenBy(c => c.Id)
            .Take(300)
            .Select(c =>
            {
                var trigrams = Trigrams(titles[c.Id]);
                var dice = 2.0 * trigrams.Count(queryTrigrams.Contains) / (queryTrigrams.Count + trigrams.Count);
                return (c.Id, Dice: dice);
            })
            .Where(c => c.Dice >= 0.35)
            .OrderByDescending(c => c.Dice).ThenBy(c => c.Id)
            .Take(limit)
            .Select(c => c.Id)
            .ToArray();
    }
}
