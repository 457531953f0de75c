using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using PaperLsp.Core.Collections;

namespace PaperLsp.Core.Tests.Collections;

/// <summary>The hand-written block reader is a fast path for the Sprache grammar: where it answers, it answers the same.</summary>
public class BibTexBlockReaderTests
{
    private const string WellFormed = """
        @string{ieeesp = "{IEEE} Symposium on Security and Privacy"}
        @string(crypto = "CRYPTO" # " " # ieeesp)
        @inproceedings{xiong2021nystromformer,
          author    = {Xiong, Yunyang and Zeng, Zhanpeng},
          title     = {{Nystr{\"o}mformer}: A {Nystr{\"o}m}-Based Algorithm for "Approximating" Self-Attention},
          booktitle = ieeesp # { 2021},
          year      = 2021,
          note      = "a {"}quoted{"} note",
        }
        @article(noKeyFieldsOnly,
          title = "Parenthesised",
          pages = 10 # "--" # 20)
        @misc{,title={No key}}
        @book{onlyKey}
        @Article{UPPER, Title = {Case}   ,   }
        """;

    public static TheoryData<string> Fixtures => new() { WellFormed };

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Reads_well_formed_blocks_as_the_grammar_does(string text)
    {
        var blocks = Blocks(text).ToList();
        Assert.Equal(7, blocks.Count);
        foreach (var (blockText, chunk, isString) in blocks)
        {
            var fast = BibTexBlockReader.TryRead(blockText, chunk, isString);
            Assert.NotNull(fast);
            Assert.Equal(Dump(Grammar(blockText, chunk, isString)), Dump(fast));
        }
    }

    [Theory]
    [InlineData("@article{k, title = {unclosed}")]
    [InlineData("@article{k, title = }")]
    [InlineData("@article{k title = {x}}")]
    [InlineData("@article{k, title = {x} # }")]
    [InlineData("@article{k, title = 2021abc}")]
    [InlineData("@article{k, = {x}}")]
    [InlineData("@article{k, title = \"a}b\"}")]
    public void Leaves_malformed_blocks_to_the_grammar(string text)
    {
        foreach (var (blockText, chunk, isString) in Blocks(text))
        {
            Assert.Null(BibTexBlockReader.TryRead(blockText, chunk, isString));
        }
    }

    [Property(MaxTest = 500)]
    public Property Mutated_blocks_read_as_the_grammar_reads_them_or_not_at_all()
    {
        var mutation = from position in Gen.Choose(0, WellFormed.Length - 1)
                       from length in Gen.Choose(0, 3)
                       from insert in Gen.Elements("", "{", "}", "\"", ",", "=", "#", "@", " ", "\n", "(", ")", "x", "1")
                       select WellFormed.Remove(position, Math.Min(length, WellFormed.Length - position)).Insert(position, insert);
        return Prop.ForAll(mutation.ToArbitrary(), text => Blocks(text).All(block =>
        {
            var fast = BibTexBlockReader.TryRead(block.Text, block.Chunk, block.IsString);
            return fast is null || Dump(Grammar(block.Text, block.Chunk, block.IsString)) == Dump(fast);
        }));
    }

    /// <summary>Each entry and @string block of the text, as the parser hands it to the block reader: its own text.</summary>
    private static IEnumerable<(string Text, BibTexChunk Chunk, bool IsString)> Blocks(string text) =>
        BibTexChunkReader.FromText(text).ReadChunks()
            .Where(c => c.Kind is BibTexChunkKind.Entry or BibTexChunkKind.String)
            .Select(c => (c.Text!, new BibTexChunk(c.Kind, c.Type, 0, c.Text!.Length, c.Line, c.Column), c.Kind == BibTexChunkKind.String));

    private static BibTexRawEntry? Grammar(string text, BibTexChunk chunk, bool isString)
    {
        var result = (isString ? BibTexGrammar.StringDefinition : BibTexGrammar.Entry)(new BibTexInput(text, chunk.Start, chunk.Line, chunk.Column));
        return result.WasSuccessful ? result.Value : null;
    }

    private static string Dump(BibTexRawEntry? entry) => entry is null
        ? "(failed)"
        : $"{entry.Type} [{entry.Key}] " + string.Join(" | ", entry.Fields.Select(f =>
            f.Name + "=" + string.Join(" # ", f.Parts.Select(p => $"{p.Kind}:{p.Text}@{p.Line}:{p.Column}"))));
}
