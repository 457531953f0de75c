using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using PaperLsp.Core.Matching;

namespace PaperLsp.Core.Tests.Matching;

/// <summary>
/// The search index keeps folded text as one byte per character; a paper with a character above U+00FF (Greek, Cyrillic,
/// CJK) keeps its fields as UTF-16 instead. Both must rank exactly as the reference (which scores UTF-16 strings), whether
/// the query fits in bytes or not, and the byte form must score every word as the UTF-16 form does.
/// </summary>
public sealed class WideTextProperties
{
    /// <summary>Folded words: ASCII, Latin-1 (stored as bytes), and above U+00FF (stored as UTF-16).</summary>
    private static readonly string[] Words =
        ["attention", "graph", "neural", "λ", "λcalculus", "μ", "σigma", "привет", "сеть", "注意力", "网络", "café", "über", "net", "a", "2021", "zk", "att"];

    private static readonly string[] QueryWords =
        [.. Words, "λc", "calculus", "при", "прив", "注意", "сет", "grλ", "caf", "ber", "e", "ion", "atn"];

    private static SearchableFields[] Collection(int count, int seed)
    {
        var random = new Random(seed);
        string Pick() => Words[random.Next(Words.Length)];
        // Most papers ASCII, as in real collections; about one in five has a word above U+00FF somewhere.
        string PickMostlyAscii() => random.Next(5) == 0 ? Pick() : Words[random.Next(11, Words.Length)];
        return Enumerable.Range(0, count).Select(i => new SearchableFields(
            string.Join(' ', Enumerable.Range(0, random.Next(1, 8)).Select(_ => PickMostlyAscii())),
            $"{PickMostlyAscii()} {PickMostlyAscii()}",
            $"{PickMostlyAscii()}{2000 + random.Next(25)}{i}",
            (2000 + random.Next(25)).ToString(System.Globalization.CultureInfo.InvariantCulture))).ToArray();
    }

    private static Gen<string> Query { get; } =
        Gen.Elements(QueryWords).ListOf().Select(w => string.Join(' ', w.Take(3)));

    [Property(MaxTest = 80)]
    public Property Papers_with_characters_above_latin1_rank_as_the_reference_does()
    {
        var papers = Collection(600, 21);
        var index = new PaperSearchIndex(papers);
        return Prop.ForAll(Query.ToArbitrary(), Gen.Choose(1, 40).ToArbitrary(), (query, limit) =>
            ReferenceRanking.Search(papers, query, limit).SequenceEqual(index.Search(query, limit)));
    }

    [Property(MaxTest = 30)]
    public Property Typing_a_query_with_characters_above_latin1_ranks_as_the_reference_does()
    {
        var papers = Collection(400, 22);
        var index = new PaperSearchIndex(papers);
        return Prop.ForAll(Query.ToArbitrary(), Gen.Choose(1, 40).ToArbitrary(), (query, limit) =>
            Enumerable.Range(1, query.Length).All(typed =>
                ReferenceRanking.Search(papers, query[..typed], limit).SequenceEqual(index.Search(query[..typed], limit))));
    }

    [Fact]
    public void A_large_mixed_collection_scanned_in_slices_and_read_back_ranks_as_the_reference_does()
    {
        var papers = Collection(PaperSearchIndex.ParallelThreshold + 555, 23);
        var built = new PaperSearchIndex(papers);
        using var stream = new MemoryStream();
        built.WriteTo(stream);
        stream.Position = 0;
        var read = PaperSearchIndex.ReadFrom(stream, stream.Length);

        Assert.NotNull(read);
        foreach (var query in new[] { "λ", "привет сеть", "注意力", "graph λ", "att 2021", "caf", "λcalculus neural", "сет", "a" })
        {
            var expected = ReferenceRanking.Search(papers, query, 100);
            Assert.Equal(expected, built.Search(query, 100));
            Assert.Equal(expected, read.Search(query, 100));
        }
    }

    [Fact]
    public void A_query_above_latin1_finds_only_papers_that_have_its_characters()
    {
        var papers = new[]
        {
            new SearchableFields("the λ calculus", "church", "church1936", "1936"),
            new SearchableFields("the lambda calculus", "barendregt", "barendregt1984", "1984"),
            new SearchableFields("привет мир", "ivanov", "ivanov2020", "2020"),
        };
        var index = new PaperSearchIndex(papers);

        Assert.Equal([0], index.Search("λ calc", 10).Select(h => h.PaperId));
        Assert.Equal([2], index.Search("мир", 10).Select(h => h.PaperId));
        Assert.Equal([0, 1], index.Search("calculus", 10).Select(h => h.PaperId));
    }

    /// <summary>Fields up to past the 128 characters compared bit-parallel, in the byte form's 16- and 32-byte blocks.</summary>
    private static Gen<string> Text(int maxLength) =>
        Gen.Choose(0, maxLength).SelectMany(length => Gen.Elements('a', 'b', 'c', 'n', 'é', ' ').ArrayOf(length)).Select(chars => new string(chars));

    [Property(MaxTest = 3000)]
    public Property Bytes_score_as_utf16_does() =>
        Prop.ForAll(Text(9).Where(w => !w.Contains(' ')).ToArbitrary(), Text(150).ToArbitrary(), (word, field) =>
        {
            var (wordBytes, fieldBytes) = (System.Text.Encoding.Latin1.GetBytes(word), System.Text.Encoding.Latin1.GetBytes(field));
            Assert.Equal(FuzzyScorer.Score(word, field), FuzzyScorer.Score<byte>(wordBytes, fieldBytes));
            Assert.Equal(FuzzyScorer.IsSubsequence(word, field), FuzzyScorer.IsSubsequence<byte>(wordBytes, fieldBytes));
            Assert.Equal(FuzzyScorer.MatchesAsSubsequence(word, field), FuzzyScorer.MatchesAsSubsequence<byte>(wordBytes, fieldBytes));
            Assert.Equal(FuzzyScorer.NotSubstring(word, field), FuzzyScorer.NotSubstring<byte>(wordBytes, fieldBytes));
        });
}
