using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using PaperLsp.Core.Collections;
using PaperLsp.Core.Tests.Cli;

namespace PaperLsp.Core.Tests.Collections;

/// <summary>.bib abstracts stay in the file and are read when shown: read back, they are the text the loader used to keep.</summary>
public sealed class BibTexFileAbstractTests
{
    [Theory]
    [InlineData("collections/crlf-abstracts.bib")]
    [InlineData("corpus/biblatex-examples.bib")]
    [InlineData("collections/features.bib")]
    public void Read_back_abstracts_equal_the_in_memory_decoding(string relative)
    {
        var path = CollectionsTestData.PathOf(relative);
        var fromFile = CollectionLoader.Load(path);
        var inMemory = BibTexLoader.Load(path, File.ReadAllText(path));

        Assert.Equal(inMemory.Papers.Select(p => p.Key), fromFile.Papers.Select(p => p.Key));
        Assert.Equal(
            inMemory.Papers.Select(p => (p.Key, p.Abstract?.Read())),
            fromFile.Papers.Select(p => (p.Key, p.Abstract?.Read())));
    }

    [Fact]
    public void Literal_abstracts_stay_in_the_file_and_those_built_from_macros_are_kept_as_text()
    {
        var papers = CollectionLoader.Load(CollectionsTestData.PathOf("collections/crlf-abstracts.bib")).Papers.ToDictionary(p => p.Key);

        foreach (var key in new[] { "unicode", "latex", "quoted", "multiline", "parent", "child", "twice" })
        {
            Assert.IsType<BibTexFileAbstract>(papers[key].Abstract);
        }

        Assert.Equal("Laboratoire d'Informatique wrote this abstract", Assert.IsType<InlineAbstract>(papers["macro"].Abstract).Text);
        Assert.Null(papers["blank"].Abstract);
        Assert.Equal(papers["parent"].Abstract, papers["child"].Abstract);
        Assert.Equal("The first one counts.", papers["twice"].Abstract!.Read());
        Assert.Null(papers["onlybraces"].Abstract?.Read());
        Assert.Contains("𝔘𝔫𝔦𝔠𝔬𝔡𝔢 😀", papers["unicode"].Abstract!.Read());
        Assert.Contains("First line. Second paragraph after a blank line, with a tab", papers["multiline"].Abstract!.Read());
    }

    [Fact]
    public void A_file_with_a_byte_order_mark_reads_back_the_same()
    {
        using var folder = new TemporaryFolder();
        var path = Path.Combine(folder.Path, "bom.bib");
        File.WriteAllBytes(path, [0xEF, 0xBB, 0xBF, .. "@misc{k, title = {T}, abstract = {Ünïcödé after a BOM}}"u8]);

        var paper = Assert.Single(CollectionLoader.Load(path).Papers);

        Assert.IsType<BibTexFileAbstract>(paper.Abstract);
        Assert.Equal("Ünïcödé after a BOM", paper.Abstract.Read());
    }

    [Fact]
    public void A_changed_file_gives_no_abstract_rather_than_another_text()
    {
        using var folder = new TemporaryFolder();
        var path = folder.Write("refs.bib", "@misc{a, title = {A}, abstract = {Alpha abstract}}\n@misc{b, title = {B}, abstract = {Beta abstract}}\n");
        var papers = CollectionLoader.Load(path).Papers;
        Assert.Equal("Beta abstract", papers[1].Abstract!.Read());
        var written = File.GetLastWriteTimeUtc(path);

        // Same length, same time, other bytes: only the checksum can tell.
        File.WriteAllText(path, "@misc{a, title = {A}, abstract = {Alpha abstract}}\n@misc{b, title = {B}, abstract = {Zeta abstract}}\n");
        File.SetLastWriteTimeUtc(path, written);
        Assert.Equal(new FileInfo(path).Length, Assert.IsType<BibTexFileAbstract>(papers[1].Abstract).File.Length);
        Assert.Null(papers[1].Abstract!.Read());
        Assert.Equal("Alpha abstract", papers[0].Abstract!.Read());

        // Another length (an entry added in front shifts every offset).
        File.WriteAllText(path, "@misc{z, title = {Z}}\n@misc{a, title = {A}, abstract = {Alpha abstract}}\n");
        Assert.Null(papers[0].Abstract!.Read());

        File.Delete(path);
        Assert.Null(papers[0].Abstract!.Read());
    }

    [Fact]
    public void An_abstract_reads_through_a_link_to_the_collection()
    {
        using var folder = new TemporaryFolder();
        var target = folder.Write("library/refs.bib", "@misc{a, title = {A}, abstract = {Through a link}}\n");
        var link = Path.Combine(folder.Path, "refs.bib");
        File.CreateSymbolicLink(link, target);

        var paper = Assert.Single(CollectionLoader.Load(link).Papers);

        Assert.Equal("Through a link", paper.Abstract!.Read());
    }

    [Property(MaxTest = 100)]
    public Property Generated_abstracts_read_back_as_decoded_in_memory(NonNull<string>[] abstracts, bool crlf)
    {
        using var folder = new TemporaryFolder();
        var text = new StringBuilder("% generated\n");
        for (var i = 0; i < abstracts.Length; i++)
        {
            text.Append("@article{k").Append(i).Append(",\n  title = {Title ").Append(i).Append("},\n  abstract = {")
                .Append(Balanced(abstracts[i].Get)).Append("},\n}\n");
        }

        var content = crlf ? text.ToString().Replace("\n", "\r\n") : text.ToString();
        var path = Path.Combine(folder.Path, "generated.bib");
        File.WriteAllText(path, content, new UTF8Encoding(false));

        var fromFile = CollectionLoader.Load(path).Papers.Select(p => p.Abstract?.Read()).ToList();
        var inMemory = BibTexLoader.Load(path, content).Papers.Select(p => p.Abstract?.Read()).ToList();
        return fromFile.SequenceEqual(inMemory).Label($"{string.Join(" | ", fromFile)} vs {string.Join(" | ", inMemory)}");
    }

    /// <summary>The generated text as a valid braced value: lone surrogates dropped (not encodable), braces balanced, plus
    /// some multi-byte characters and LaTeX so every case is exercised.</summary>
    private static string Balanced(string value)
    {
        var builder = new StringBuilder("é\\\"o ");
        var depth = 0;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                builder.Append(c).Append(value[++i]);
                continue;
            }

            if (char.IsSurrogate(c) || c == '\0')
            {
                continue;
            }

            if (c == '}' && depth == 0)
            {
                continue;
            }

            depth += c == '{' ? 1 : c == '}' ? -1 : 0;
            builder.Append(c);
        }

        return builder.Append('}', depth).Append(" 😀").ToString();
    }
}
