using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using PaperLsp.Core.Collections;
using PaperLsp.Core.Tests.Cli;

namespace PaperLsp.Core.Tests.Collections;

/// <summary>A listing file is read in blocks of bytes and its abstracts stay in the file: the papers are those of its text.</summary>
public sealed class ListingFileAbstractTests
{
    [Fact]
    public void The_sample_listing_read_from_its_file_equals_its_text_read_whole()
    {
        var path = CollectionsTestData.PathOf("corpus/hf-multitask-transformers.txt");

        var fromFile = CollectionLoader.Load(path);
        var whole = PlainListingLoader.Load(path, File.ReadAllText(path));

        Assert.All(fromFile.Papers, p => Assert.IsType<ListingFileAbstract>(p.Abstract));
        Assert.Equal(Describe(whole), Describe(fromFile));
    }

    [Fact]
    public void Blank_looking_lines_white_space_byte_order_marks_and_line_ends_read_as_in_the_text()
    {
        using var folder = new TemporaryFolder();
        var path = Path.Combine(folder.Path, "list.txt");
        File.WriteAllBytes(path, [0xEF, 0xBB, 0xBF,
            .. "Get trending papers\n SubscribeFirst Title\r\n\t First abstract \u00A0\r\n\u3000\n\uFEFF\nSecond Title\nÜnïcödé abstract 😀"u8]);

        var papers = CollectionLoader.Load(path).Papers;

        Assert.Equal(
            [("First Title", (string?)"First abstract", 2), ("Second Title", "Ünïcödé abstract 😀", 6)],
            papers.Select(p => (p.Title, p.Abstract?.Read(), p.Source.Line)));
    }

    [Fact]
    public void A_line_whose_only_text_is_white_space_between_byte_order_marks_takes_the_abstract_place_as_no_abstract()
    {
        using var folder = new TemporaryFolder();
        var path = folder.Write("list.txt", "Title\n\uFEFF \uFEFF\nNext title\nNext abstract\n");

        var papers = CollectionLoader.Load(path).Papers;

        Assert.Equal([("Title", (string?)null), ("Next title", "Next abstract")], papers.Select(p => (p.Title, p.Abstract?.Read())));
    }

    [Fact]
    public void Invalid_utf8_is_read_as_replacement_characters_and_reported_at_its_first_byte()
    {
        using var folder = new TemporaryFolder();
        var path = Path.Combine(folder.Path, "bad.txt");
        File.WriteAllBytes(path, [.. "Title é\nAbstract with é and "u8, 0xFF, 0xFE, .. " bytes\nBad "u8, 0xC3, .. " title\n"u8]);

        var result = CollectionLoader.Load(path);

        var problem = Assert.Single(result.Problems);
        Assert.Equal((CollectionProblemCodes.UnreadableFile, 2, 21), (problem.Code, problem.Line, problem.Column));
        Assert.Equal([("Title é", (string?)"Abstract with é and \uFFFD\uFFFD bytes"), ("Bad \uFFFD title", null)],
            result.Papers.Select(p => (p.Title, p.Abstract?.Read())));
    }

    [Fact]
    public void A_changed_file_gives_no_abstract_rather_than_another_text()
    {
        using var folder = new TemporaryFolder();
        var path = folder.Write("list.txt", "A\nAlpha abstract\nB\nBeta abstract\n");
        var papers = CollectionLoader.Load(path).Papers;
        Assert.Equal("Beta abstract", papers[1].Abstract!.Read());
        var written = File.GetLastWriteTimeUtc(path);

        // Same length, same time, other bytes: only the checksum can tell.
        File.WriteAllText(path, "A\nAlpha abstract\nB\nZeta abstract\n");
        File.SetLastWriteTimeUtc(path, written);
        Assert.Null(papers[1].Abstract!.Read());
        Assert.Equal("Alpha abstract", papers[0].Abstract!.Read());

        File.WriteAllText(path, "Z\nA\nAlpha abstract\n");
        Assert.Null(papers[0].Abstract!.Read());

        File.Delete(path);
        Assert.Null(papers[0].Abstract!.Read());
    }

    /// <summary>Any lines (white space of every kind, blank lines, CR LF, BOMs, invalid bytes, lines longer than the
    /// block) read from the file in blocks of any size give the papers the whole text gives, and the invalid-UTF-8
    /// problem is where the whole-file decoding of the other formats puts it.</summary>
    [Property(MaxTest = 200)]
    public Property Read_in_blocks_equals_read_whole(NonNull<string>[] lines, byte[] junk, PositiveInt blockSize, bool crlf)
    {
        using var folder = new TemporaryFolder();
        var bytes = new List<byte>();
        var pieces = new[] { "", " ", "\t", "\u00A0", "\uFEFF", "\u3000", "é", "😀", "Subscribe", "Get trending papers" };
        for (var i = 0; i < lines.Length; i++)
        {
            var text = pieces[i % pieces.Length] + lines[i].Get.Replace("\n", " ").Replace("\r", " ") + pieces[(i * 7 + 3) % pieces.Length];
            bytes.AddRange(Encoding.UTF8.GetBytes(text));
            if (junk.Length > 0 && i % 5 == 4)
            {
                bytes.Add(junk[i % junk.Length]);
            }

            bytes.AddRange(crlf ? "\r\n"u8.ToArray() : "\n"u8.ToArray());
        }

        var path = Path.Combine(folder.Path, "generated.txt");
        File.WriteAllBytes(path, [.. bytes]);
        var version = new CollectionFileVersion(path, bytes.Count, File.GetLastWriteTimeUtc(path).Ticks);
        using var stream = File.OpenRead(path);

        var fromFile = PlainListingLoader.Load(path, stream, version, blockSize: 1 + blockSize.Get % 64);
        var whole = PlainListingLoader.Load(path, Encoding.UTF8.GetString([.. bytes]));
        var decodedLikeTheOthers = File.ReadAllBytes(path);
        var risPath = Path.ChangeExtension(path, ".ris");
        File.WriteAllBytes(risPath, decodedLikeTheOthers);
        var expectedProblem = CollectionLoader.Load(risPath).Problems
            .Where(p => p.Code == CollectionProblemCodes.UnreadableFile).Select(p => (p.Line, p.Column)).FirstOrDefault();
        var actualProblem = fromFile.Problems.Select(p => (p.Line, p.Column)).FirstOrDefault();

        return (Describe(fromFile).SequenceEqual(Describe(whole)) && expectedProblem == actualProblem)
            .Label($"{string.Join(" | ", Describe(fromFile))}\nvs\n{string.Join(" | ", Describe(whole))}\nproblem {actualProblem} vs {expectedProblem}");
    }

    private static IEnumerable<string> Describe(CollectionLoadResult result) =>
        result.Papers.Select(p => $"{p.Key}|{p.Title}|{p.Source.Line}|{p.Abstract?.Read()}");
}
