using System.Collections.Immutable;
using PaperLsp.Core.Collections;

namespace PaperLsp.Core.Tests.Features;

/// <summary>
/// Builds papers and paper indexes in memory, as a loader would yield them: <c>Paper("key", "Title", "A. Author; B. Author", "2021")</c>.
/// Papers given to <see cref="Index"/> are grouped into one collection per source file, in the order given.
/// </summary>
public static class TestPapers
{
    public const string BibPath = "/ws/refs.bib";
    public const string TxtPath = "/ws/papers.txt";

    public static Paper Paper(
        string key,
        string title,
        string? authors = null,
        string? year = null,
        string file = BibPath,
        int line = 1,
        string? venue = null,
        string? @abstract = null,
        string? doi = null,
        string? url = null,
        string? arxiv = null) => new()
    {
        Key = key,
        Title = title,
        Authors = authors is null ? ImmutableArray<string>.Empty : authors.Split(';', StringSplitOptions.TrimEntries).ToImmutableArray(),
        Year = year,
        Venue = venue,
        Abstract = PaperAbstract.FromText(@abstract),
        Doi = doi,
        Url = url,
        ArxivId = arxiv,
        Source = new SourceLocation(file, line),
    };

    public static CollectionLoadResult Collection(string file, params Paper[] papers) =>
        new(file, papers.Select(p => p with { Source = p.Source with { FilePath = file } }).ToImmutableArray(), ImmutableArray<CollectionProblem>.Empty);

    public static PaperIndex Index(params Paper[] papers) =>
        PaperIndex.Build(papers
            .GroupBy(p => p.Source.FilePath)
            .Select(g => new CollectionLoadResult(g.Key, g.ToImmutableArray(), ImmutableArray<CollectionProblem>.Empty)));

    /// <summary>A small transformer bibliography; lines are those of a .bib file with one entry every 5 lines.</summary>
    public static ImmutableArray<Paper> Transformers { get; } =
    [
        Paper("xiong2021", "Nyströmformer: A Nyström-Based Algorithm for Approximating Self-Attention", "Yunyang Xiong; Zhanpeng Zeng; Rudrasis Chakraborty", "2021", line: 1, venue: "AAAI", @abstract: "Transformers have emerged as a powerful tool.", arxiv: "2102.03902"),
        Paper("vaswani2017attention", "Attention Is All You Need", "Ashish Vaswani; Noam Shazeer; Niki Parmar", "2017", line: 6, venue: "NeurIPS", doi: "10.5555/3295222.3295349"),
        Paper("devlin2019bert", "BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding", "Jacob Devlin; Ming-Wei Chang", "2019", line: 11),
        Paper("beltagy2020longformer", "Longformer: The Long-Document Transformer", "Iz Beltagy; Matthew E. Peters; Arman Cohan", "2020", line: 16),
        Paper("kitaev2020reformer", "Reformer: The Efficient Transformer", "Nikita Kitaev; Łukasz Kaiser; Anselm Levskaya", "2020", line: 21),
        Paper("wang2020linformer", "Linformer: Self-Attention with Linear Complexity", "Sinong Wang; Belinda Z. Li", "2020", line: 26),
        Paper("tay2022efficient", "Efficient Transformers: A Survey", "Yi Tay; Mostafa Dehghani", "2022", line: 31),
        Paper("zaheer2020bigbird", "Big Bird: Transformers for Longer Sequences", "Manzil Zaheer; Guru Guruganesh", "2020", line: 36),
        Paper("dai2019transformerxl", "Transformer-XL: Attentive Language Models beyond a Fixed-Length Context", "Zihang Dai; Zhilin Yang", "2019", line: 41),
        Paper("Smith:2020", "Ranking Papers with Diacritics: Gödel, Erdős and Łojasiewicz", "Jane Smith", "2020", line: 46),
    ];

    public static PaperIndex TransformerIndex { get; } = Index(Transformers.ToArray());
}
