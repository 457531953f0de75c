using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using PaperLsp.Core.Collections;

namespace PaperLsp.Core.Tests.Collections;

/// <summary>
/// The .bib file is read in blocks: wherever a block ends — inside a multi-byte character, a name, a value, a comment,
/// a CRLF — the parse is the one of the whole file read at once (entries, fields, lines, columns, problems, abstract
/// offsets). Tiny block sizes put a boundary at every byte.
/// </summary>
public sealed class BibTexChunkReaderTests
{
    public static TheoryData<string> SmallFiles => new()
    {
        "collections/scanner-edges.bib",
        "collections/crlf-abstracts.bib",
        "collections/malformed-middle.bib",
        "collections/features.bib",
    };

    [Theory]
    [MemberData(nameof(SmallFiles))]
    public void Every_block_size_parses_as_the_whole_file(string relative)
    {
        var bytes = File.ReadAllBytes(CollectionsTestData.PathOf(relative));
        var whole = Dump(bytes, bytes.Length + 1);
        for (var blockSize = 1; blockSize <= Math.Min(bytes.Length, 700); blockSize++)
        {
            Assert.Equal(whole, Dump(bytes, blockSize));
        }
    }

    [Theory]
    [InlineData("corpus/biblatex-examples.bib")]
    [InlineData("corpus/cryptobib-abbrev3.bib")]
    public void Corpus_files_parse_alike_in_small_and_large_blocks(string relative)
    {
        var bytes = File.ReadAllBytes(CollectionsTestData.PathOf(relative));
        var whole = Dump(bytes, bytes.Length + 1);
        foreach (var blockSize in new[] { 1, 2, 3, 7, 61, 509, 4096, 65_536 })
        {
            Assert.Equal(whole, Dump(bytes, blockSize));
        }
    }

    [Theory]
    [InlineData("corpus/biblatex-examples.bib")]
    [InlineData("corpus/cryptobib-abbrev3.bib")]
    [InlineData("collections/scanner-edges.bib")]
    public void Parsing_batches_in_parallel_gives_the_sequential_result(string relative)
    {
        // Repeated so that the file has many batches, with @string definitions between them.
        var one = File.ReadAllText(CollectionsTestData.PathOf(relative));
        var bytes = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat(one + "\n", 6)));

        Assert.Equal(Dump(bytes, 4096, parallel: false), Dump(bytes, 4096, parallel: true));
    }

    [Fact]
    public void Invalid_utf8_is_found_wherever_the_blocks_end()
    {
        var bytes = BibTexParseGoldenTests.InvalidUtf8;
        var whole = Dump(bytes, bytes.Length + 1);
        Assert.Contains("PN015", whole);
        for (var blockSize = 1; blockSize <= bytes.Length; blockSize++)
        {
            Assert.Equal(whole, Dump(bytes, blockSize));
        }
    }

    [Fact]
    public void A_byte_order_mark_is_skipped_and_not_counted_in_columns()
    {
        byte[] bytes = [0xEF, 0xBB, 0xBF, .. "@article title\n"u8];
        var chunk = Assert.Single(new BibTexChunkReader(new MemoryStream(bytes), 2).ReadChunks());
        Assert.Equal((BibTexChunkKind.Broken, 1, 1, 3L), (chunk.Kind, chunk.Line, chunk.Column, chunk.ByteOffset));
    }

    [Property(MaxTest = 300)]
    public Property Generated_files_parse_alike_in_any_block_size(NonNull<string>[] pieces, PositiveInt blockSize)
    {
        // Pieces of .bib syntax mixed with arbitrary text, multi-byte characters and line ends.
        var syntax = new[] { "@article{", "@string{m = ", "}", "{", "\"", ",", " = ", "#", "\n", "\r\n", "%", "@", "(", ")", "é", "😀", "\u00a0", "title", "abstract = {" };
        var text = new StringBuilder();
        for (var i = 0; i < pieces.Length; i++)
        {
            text.Append(syntax[i * 7 % syntax.Length]).Append(pieces[i].Get).Append(syntax[(i * 3 + 1) % syntax.Length]);
        }

        var bytes = Encoding.UTF8.GetBytes(text.ToString());
        return (Dump(bytes, bytes.Length + 1) == Dump(bytes, blockSize.Get % 64 + 1)).ToProperty();
    }

    /// <summary>Everything the parser reads, with the place of every abstract left in the file.</summary>
    private static string Dump(byte[] bytes, int blockSize, bool parallel = true)
    {
        var version = new CollectionFileVersion("/refs.bib", bytes.Length, 0);
        var document = BibTexParser.Parse("refs.bib", new BibTexChunkReader(new MemoryStream(bytes), blockSize), null, version, parallel);
        var output = new StringBuilder();
        foreach (var entry in document.Entries)
        {
            output.Append($"@{entry.Type}{{{entry.Key}}}:{entry.Line}");
            foreach (var (name, value) in entry.Fields)
            {
                output.Append($" {name}={(document.FileAbstracts!.TryGetValue(value, out var a) ? $"[{a.Offset}+{a.Length}#{a.Checksum}]" : value)}");
            }

            output.Append('\n');
        }

        foreach (var p in document.Problems)
        {
            output.Append($"{p.Line}:{p.Column} {p.Code} {p.Message}\n");
        }

        output.Append(string.Join(",", document.Macros.OrderBy(m => m.Key, StringComparer.Ordinal).Select(m => $"{m.Key}={m.Value}")));
        return output.ToString();
    }
}
