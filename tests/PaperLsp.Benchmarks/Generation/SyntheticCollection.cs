using System.Text;
using PaperLsp.Core.Matching;
using static PaperLsp.Benchmarks.Generation.SyntheticVocabulary;

namespace PaperLsp.Benchmarks.Generation;

/// <summary>
/// A deterministic synthetic collection: paper <c>i</c> depends only on the seed and <c>i</c> (each paper has its own
/// seeded <see cref="Random"/>), so a 10k collection is the first 10k papers of the 1M one, except for the
/// <see cref="Known"/> papers, which sit at fixed fractions of the length. Papers are produced lazily, one at a time,
/// so writers can stream a million of them.
/// </summary>
public sealed class SyntheticCollection
{
    public static readonly IReadOnlyList<KnownPaper> Known =
    [
        new(0.5, "xiong2021nystromformer",
            new LatexText("{Nystr{\\\"o}mformer}: A {Nystr{\\\"o}m}-Based Algorithm for Approximating Self-Attention",
                "Nyströmformer: A Nyström-Based Algorithm for Approximating Self-Attention"),
            [new("Yunyang", "Xiong"), new("Zhanpeng", "Zeng"), new("Rudrasis", "Chakraborty"), new("Mingxing", "Tan"),
                new("Glenn", "Fung"), new("Yin", "Li"), new("Vikas", "Singh")], 2021),
        new(0.25, "vaswani2017attention", "Attention Is All You Need",
            [new("Ashish", "Vaswani"), new("Noam", "Shazeer"), new("Niki", "Parmar"), new("Jakob", "Uszkoreit")], 2017),
        new(0.75, "erdos1959random", new LatexText("On Random Graphs {I}", "On Random Graphs I"),
            [new("Paul", new LatexText("Erd{\\H{o}}s", "Erdős")), new(new LatexText("Alfr{\\'e}d", "Alfréd"), new LatexText("R{\\'e}nyi", "Rényi"))], 1959),
        new(0.999, "goldwasser1984probabilistic", "Probabilistic Encryption",
            [new("Shafi", "Goldwasser"), new("Silvio", "Micali")], 1984),
    ];

    private readonly int _seed;
    private readonly IReadOnlyList<VenueMacro> _venues;

    public SyntheticCollection(int seed, IReadOnlyList<VenueMacro> venues)
    {
        _seed = seed;
        _venues = venues.Count > 0 ? venues : [new VenueMacro("crypto", "CRYPTO")];
    }

    public IEnumerable<SyntheticPaper> Papers(int count)
    {
        var known = Known.ToDictionary(k => k.IndexIn(count));
        for (var i = 0; i < count; i++)
        {
            yield return known.TryGetValue(i, out var k) ? FromKnown(k, i) : Paper(i);
        }
    }

    /// <summary>Paper <paramref name="index"/> of a collection of <paramref name="count"/> papers.</summary>
    public SyntheticPaper PaperAt(int index, int count) =>
        Known.FirstOrDefault(k => k.IndexIn(count) == index) is { } known ? FromKnown(known, index) : Paper(index);

    private SyntheticPaper Paper(int index)
    {
        var random = new Random(PaperSeed(index));
        var title = Title(random);
        var authors = new SyntheticAuthor[random.Next(1, 7)];
        for (var a = 0; a < authors.Length; a++)
        {
            authors[a] = Author(random);
        }

        var year = 1985 + random.Next(41);
        var venue = _venues[random.Next(_venues.Count)];
        var firstWord = Ascii(title.Unicode.Split(' ', ':', '-')[0]);
        var key = $"{Ascii(authors[0].Family.Unicode)}{year}{firstWord}{index:x}";
        var doi = random.Next(3) == 0 ? null : $"10.{1000 + random.Next(9000)}/{key}";
        var type = random.Next(4) == 0 ? "article" : "inproceedings";
        return new SyntheticPaper(key, type, title, authors, year, venue.Name, venue.Venue, Abstract(random), doi);
    }

    private SyntheticPaper FromKnown(KnownPaper known, int index)
    {
        var random = new Random(PaperSeed(index));
        var venue = _venues[random.Next(_venues.Count)];
        return new SyntheticPaper(known.Key, "inproceedings", known.Title, known.Authors, known.Year, venue.Name, venue.Venue, Abstract(random), null);
    }

    private static LatexText Title(Random random)
    {
        var adjective = Pick(random, Adjectives);
        var noun = Pick(random, Nouns);
        var domain = Pick(random, Domains);
        var connective = Pick(random, Connectives);
        return random.Next(8) switch
        {
            0 or 1 => Coined(random) + $": {adjective} {noun} {connective} {domain}",
            2 => $"{adjective} {noun} {connective} {domain}",
            3 => $"On the {Pick(random, Adjectives)} Security of {noun}",
            4 => $"Towards {adjective} {domain}: A {Pick(random, Nouns)} Approach",
            5 => Person(random) + $"-Style {noun} {connective} {domain}",
            6 => $"{noun} Revisited: {adjective} {Pick(random, Nouns)} {connective} {domain}",
            _ => $"{adjective} and {Pick(random, Adjectives)} {noun}",
        };
    }

    /// <summary>A made-up system name such as "HydraFormer"; braces keep its capitals in BibTeX, as real files do.</summary>
    private static LatexText Coined(Random random)
    {
        var name = Pick(random, CoinedStems) + Pick(random, CoinedSuffixes);
        return new LatexText("{" + name + "}", name);
    }

    private static LatexText Person(Random random) =>
        random.Next(3) == 0 ? Pick(random, AccentedFamilies) : LatexText.Plain(Pick(random, Families));

    private static SyntheticAuthor Author(Random random)
    {
        var given = random.Next(8) == 0 ? Pick(random, AccentedGivens) : LatexText.Plain(Pick(random, Givens));
        var family = random.Next(6) == 0 ? Pick(random, AccentedFamilies) : LatexText.Plain(Pick(random, Families));
        return new SyntheticAuthor(given, family);
    }

    private static string Abstract(Random random)
    {
        var words = random.Next(60, 141);
        var builder = new StringBuilder(words * 9);
        var sentence = 0;
        for (var w = 0; w < words; w++)
        {
            var word = Pick(random, AbstractWords);
            if (sentence == 0)
            {
                builder.Append(char.ToUpperInvariant(word[0])).Append(word, 1, word.Length - 1);
            }
            else
            {
                builder.Append(word);
            }

            sentence++;
            if (w == words - 1 || (sentence > 8 && random.Next(10) == 0))
            {
                builder.Append(". ");
                sentence = 0;
            }
            else
            {
                builder.Append(' ');
            }
        }

        return builder.ToString().TrimEnd();
    }

    /// <summary>A fixed mix of seed and index (HashCode.Combine is randomized per process, so it cannot be used here).</summary>
    private int PaperSeed(int index) =>
        unchecked((int)((((ulong)(uint)_seed << 32) | (uint)index) * 0x9E3779B97F4A7C15UL >> 33));

    private static T Pick<T>(Random random, T[] items) => items[random.Next(items.Length)];

    private static string Ascii(string text) => TitleNormalizer.Fold(text).Replace(" ", string.Empty, StringComparison.Ordinal);
}
