using System.Collections.Immutable;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using PaperLsp.Core.Collections;
using PaperLsp.Core.Matching;
using PaperLsp.Core.Tests.Features;
using PaperLsp.Core.Tests.Text;

namespace PaperLsp.Core.Tests.Matching;

/// <summary>Invariants of normalization and search on generated strings and collections.</summary>
public sealed class MatchingProperties
{
    private static readonly string[] TitleWords =
    [
        "attention", "transformer", "transformers", "self", "nyström", "Nyströmformer", "BERT", "graph", "neural", "Gödel",
        "trans", "former", "{\\\"u}ber", "net", "a", "of", "x", "2020", "Łukasz", "learning", "deep", "ß",
    ];

    private static Gen<string> Title { get; } =
        Gen.Elements(TitleWords).ArrayOf().Where(w => w.Length is > 0 and < 7).Select(w => string.Join(' ', w));

    private static Gen<string> Query { get; } =
        Gen.OneOf(
            Gen.Elements(TitleWords).ArrayOf().Where(w => w.Length < 3).Select(w => string.Join(' ', w)),
            Gen.Elements("a", "tr", "nys", "ny", "sat", "xyz", "2020", "k1", "", " ", "nystrom", "ub"));

    private static Gen<(ImmutableArray<string> Titles, string Query, int Limit)> SearchCase { get; } =
        from titles in Title.ArrayOf()
        from query in Query
        from limit in Gen.Choose(0, 8)
        select (titles.ToImmutableArray(), query, limit);

    [Property(MaxTest = 500)]
    public bool Normalize_is_idempotent_and_never_throws(string? text)
    {
        var once = TitleNormalizer.Normalize(text);
        return TitleNormalizer.Normalize(once) == once;
    }

    [Property(MaxTest = 500)]
    public Property Normalize_is_idempotent_on_notes_like_text_with_lone_surrogates() =>
        Prop.ForAll(TextGenerators.NotesLike.ToArbitrary(), text =>
        {
            var once = TitleNormalizer.Normalize(text);
            Assert.Equal(once, TitleNormalizer.Normalize(once));
            Assert.Equal(once, TitleNormalizer.Fold(once));
        });

    [Property(MaxTest = 500)]
    public Property Fold_yields_lower_case_letters_and_digits_separated_by_single_spaces() =>
        Prop.ForAll(Gen.OneOf(TextGenerators.NotesLike, ArbMap.Default.GeneratorFor<string>().Select(s => s ?? "")).ToArbitrary(), text =>
        {
            var folded = TitleNormalizer.Fold(text);
            Assert.False(folded.StartsWith(' ') || folded.EndsWith(' '), $"'{folded}' has a leading or trailing space");
            // Ordinal: a culture-aware search ignores characters such as U+0640 (tatweel), so " \u0640 " would "contain" two spaces.
            Assert.DoesNotContain("  ", folded, StringComparison.Ordinal);
            foreach (var rune in folded.EnumerateRunes())
            {
                Assert.True(rune.Value == ' ' || (System.Text.Rune.IsLetterOrDigit(rune) && System.Text.Rune.ToLowerInvariant(rune) == rune),
                    $"'{folded}' contains U+{rune.Value:X4}");
            }
        });

    [Property(MaxTest = 300)]
    public Property Search_respects_the_limit_orders_by_score_then_collection_order_and_only_returns_matches() =>
        Prop.ForAll(SearchCase.ToArbitrary(), c =>
        {
            var papers = c.Titles.Select((t, i) => TestPapers.Paper($"k{i}", t, line: i + 1)).ToArray();
            var index = TestPapers.Index(papers);
            var hits = index.SearchIndex.Search(c.Query, c.Limit);
            Assert.True(hits.Count <= c.Limit);
            for (var i = 1; i < hits.Count; i++)
            {
                var (a, b) = (hits[i - 1], hits[i]);
                Assert.True(a.Score > b.Score || (a.Score == b.Score && a.PaperId < b.PaperId), $"{a} before {b}");
            }

            // Every hit contains every query word's letters in order, in its title, key or authors (subsequence at worst).
            var words = TitleNormalizer.Fold(c.Query).Split(' ', StringSplitOptions.RemoveEmptyEntries);
            foreach (var hit in hits)
            {
                var paper = index.Papers[hit.PaperId];
                var fields = new[] { index.NormalizedTitles[hit.PaperId], TitleNormalizer.Fold(paper.Key), TitleNormalizer.Fold(string.Join(' ', paper.Authors)), paper.Year ?? "" };
                foreach (var word in words)
                {
                    Assert.True(fields.Any(f => IsSubsequence(word, f)), $"'{word}' is in no field of \"{paper.Title}\"");
                }
            }

            // Nothing better was left out: a paper missing from a full list is one that matches nowhere (FuzzyScorer
            // decides what a match is: a subsequence within a tight window, or initials).
            if (words.Length > 0 && hits.Count < c.Limit)
            {
                var matching = index.Papers.Select((p, i) => i).Count(i =>
                    words.All(w => FuzzyScorer.Score(w, index.NormalizedTitles[i]) > 0 || FuzzyScorer.Score(w, TitleNormalizer.Fold(index.Papers[i].Key)) > 0));
                Assert.Equal(matching, hits.Count);
            }
        });

    private static bool IsSubsequence(string word, string field)
    {
        var at = 0;
        foreach (var c in field)
        {
            if (at < word.Length && c == word[at])
            {
                at++;
            }
        }

        return at == word.Length;
    }
}
