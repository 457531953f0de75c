using System.Globalization;
using System.Text;

namespace PaperLsp.Core.Tests.Cache;

/// <summary>
/// A BibTeX collection of a given number of papers whose titles mix a few words, so that searches match papers in many
/// cache chunks (a chunk holds CollectionCacheStore.PapersPerChunk papers), with ties in score and two equal titles.
/// </summary>
internal static class ManyPapers
{
    private static readonly string[] Words =
    [
        "attention", "graph", "neural", "networks", "transformer", "learning", "sparse", "efficient", "kernel", "lattice",
        "signatures", "secure", "vision", "language", "models", "approximating",
    ];

    public static string Bib(int count)
    {
        var text = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            var title = i == count / 2
                ? "Nystr{\\\"o}mformer: A Nystr{\\\"o}m-Based Algorithm for Approximating Self-Attention"
                : string.Join(' ', Enumerable.Range(0, 4).Select(w => Words[((i * (w + 3)) + (w * 7) + (i / 13)) % Words.Length]));
            text.Append(CultureInfo.InvariantCulture, $$"""
                @article{paper{{i}},
                  title = {{{title}}},
                  author = {Author{{i % 37}}, Ann and Other{{i % 11}}, Bo},
                  journal = {Journal {{i % 5}}},
                  year = {{{1990 + (i % 35)}}}
                }

                """);
        }

        return text.ToString();
    }
}
