using System.IO.Hashing;
using PaperLsp.Core.Collections;

namespace PaperLsp.Core.Tests.Cache;

/// <summary>
/// The cache stores the key and title tables next to the key and title lists, so a cached start does not hash every key
/// and title again: an index over the stored tables resolves and reports duplicate keys as one built from parsing, and a
/// damaged, missing or foreign table is never used (the entry is a miss, dropped, and the file parsed).
/// </summary>
public sealed class CachedLookupTablesTests
{
    /// <summary>Duplicate keys (PN011 twice, one of them three times), a title twice, an empty title, a key differing only in case.</summary>
    private const string Bib = """
        @article{smith2020, title = {Attention Is All You Need}, author = {Smith, Ann}, year = {2020}}
        @article{jones2019, title = {Graph Neural Networks}, author = {Jones, Bob}, year = {2019}}
        @article{smith2020, title = {Another Paper With The Same Key}, author = {Smith, Carl}, year = {2021}}
        @article{Jones2019, title = {Graph neural networks}, author = {Jones, Dan}, year = {2019}}
        @misc{untitled, author = {Nobody, Nemo}, year = {2018}}
        @article{smith2020, title = {A Third With The Key}, author = {Smith, Eve}, year = {2022}}
        @article{{\"o}zt{\"u}rk2021, title = {{\"U}ber Graphen}, author = {{\"O}zt{\"u}rk, Ay{\c s}e}, year = {2021}}
        """;

    private static readonly string[] Probes =
    [
        "smith2020", "jones2019", "Jones2019", "JONES2019", "untitled", "öztürk2021", "missing",
    ];

    [Fact]
    public void An_index_over_the_stored_tables_resolves_and_reports_as_one_built_from_parsing()
    {
        using var fixture = CacheFixture.WithText("dups.bib", Bib);
        var parsed = PaperIndex.Build([fixture.Warm()]);

        var cached = fixture.NewLoader().Load(fixture.CollectionPath);
        var index = PaperIndex.Build([cached]);

        Assert.Equal(1, fixture.Parses);
        Assert.NotNull(cached.IndexParts?.KeyTable);
        Assert.NotNull(cached.IndexParts.TitleTable);
        Assert.NotNull(cached.IndexParts.KeyIgnoreCaseTable);
        Assert.Equal(Describe(parsed.Problems), Describe(index.Problems));
        Assert.Equal(2, index.Problems.Count(p => p.Code == "PN011"));
        Assert.Equal(parsed.Keys, index.Keys);
        Assert.All(Probes, key => Assert.Equal(parsed.FindByKey(key)?.Title, index.FindByKey(key)?.Title));
        Assert.All(Probes, key => Assert.Equal(parsed.KeysIgnoringCase(key), index.KeysIgnoringCase(key)));
        Assert.All(parsed.Papers, paper => Assert.Equal(parsed.FindByTitle(paper.Title)?.Key, index.FindByTitle(paper.Title)?.Key));
        Assert.Null(index.FindByTitle(string.Empty));
    }

    [Fact]
    public void A_cold_write_stores_the_tables_the_served_index_built_and_a_restart_reads_them()
    {
        using var fixture = CacheFixture.WithText("dups.bib", Bib);
        var loader = fixture.NewLoader();
        var served = PaperIndex.Build([loader.Load(fixture.CollectionPath)]);
        var problems = Describe(served.Problems);
        loader.PersistPending(served: served);

        var index = PaperIndex.Build([fixture.NewLoader().Load(fixture.CollectionPath)]);

        Assert.Equal(1, fixture.Parses);
        Assert.Equal(problems, Describe(index.Problems));
        Assert.All(Probes, key => Assert.Equal(served.FindByKey(key)?.Title, index.FindByKey(key)?.Title));
    }

    [Theory]
    [InlineData(0, 12)] // the title table (12 bytes of header)
    [InlineData(1, 12)] // the key table
    [InlineData(2, 4)] // the ignore-case key table
    public void A_lookup_table_with_a_flipped_byte_is_a_miss_and_is_dropped(int kind, int header)
    {
        using var fixture = CacheFixture.WithText("dups.bib", Bib);
        fixture.Warm();
        var data = (byte[])CacheDatabase.Scalar(fixture.DatabasePath, $"SELECT data FROM lookup_table WHERE kind = {kind}");
        // A bit of the hash tag of the first slot that holds an entry (the form stays possible: only the hash tells).
        var slot = Enumerable.Range(0, (data.Length - header) / 8).First(i => BitConverter.ToUInt64(data, header + (8 * i)) != 0);
        data[header + (8 * slot) + 7] ^= 0x40;
        CacheDatabase.Execute(fixture.DatabasePath, $"UPDATE lookup_table SET data = $data WHERE kind = {kind}", ("$data", data));

        AssertMissDroppedAndParsedAgain(fixture, "checksum");
    }

    [Fact]
    public void A_lookup_table_in_another_form_is_a_miss_even_with_a_matching_hash()
    {
        using var fixture = CacheFixture.WithText("dups.bib", Bib);
        fixture.Warm();
        var foreign = Enumerable.Range(0, 4096).Select(i => (byte)(i * 31)).ToArray();
        CacheDatabase.Execute(
            fixture.DatabasePath,
            "UPDATE lookup_table SET data = $data, hash = $hash WHERE kind = 0",
            ("$data", foreign),
            ("$hash", unchecked((long)XxHash3.HashToUInt64(foreign))));

        AssertMissDroppedAndParsedAgain(fixture, "not the table of these strings");
    }

    [Fact]
    public void The_key_table_in_place_of_the_title_table_is_a_miss_though_its_own_hash_comes_with_it()
    {
        // Same number of entries and form: only the list it was built over (which seeds the hash) tells them apart.
        using var fixture = CacheFixture.WithText("dups.bib", Bib);
        fixture.Warm();
        CacheDatabase.Execute(
            fixture.DatabasePath,
            """
            UPDATE lookup_table SET
                data = (SELECT data FROM lookup_table WHERE kind = 1),
                hash = (SELECT hash FROM lookup_table WHERE kind = 1)
            WHERE kind = 0
            """);

        AssertMissDroppedAndParsedAgain(fixture, "checksum");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public void A_missing_lookup_table_is_a_miss(int kind)
    {
        using var fixture = CacheFixture.WithText("dups.bib", Bib);
        fixture.Warm();
        CacheDatabase.Execute(fixture.DatabasePath, $"DELETE FROM lookup_table WHERE kind = {kind}");

        AssertMissDroppedAndParsedAgain(fixture, "missing");
    }

    private static void AssertMissDroppedAndParsedAgain(CacheFixture fixture, string logged)
    {
        // The next start parses and writes sound tables, which the one after reads.
        var (expected, reparsed, again) = fixture.AssertMissDroppedThenRebuilt("lookup_table", logged);
        Assert.Equal(Describe(expected.Problems), Describe(reparsed.Problems));
        Assert.Equal(Describe(expected.Problems), Describe(again.Problems));
        Assert.All(Probes, key => Assert.Equal(expected.FindByKey(key)?.Title, again.FindByKey(key)?.Title));
    }

    private static string[] Describe(IEnumerable<CollectionProblem> problems) =>
        problems.Select(p => $"{p.Code} {p.Line}:{p.Column} {p.Message}").ToArray();
}
