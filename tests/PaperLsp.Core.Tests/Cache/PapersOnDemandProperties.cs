using System.Collections.Immutable;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using PaperLsp.Core.Collections;
using PaperLsp.Core.Collections.Cache;

namespace PaperLsp.Core.Tests.Cache;

/// <summary>
/// Papers kept as the cache's chunk bytes and decoded on first touch (<see cref="PaperList.OnDemand"/>) are the papers
/// that were written, whichever order and however many threads touch them first, and every reader gets the same objects.
/// </summary>
public sealed class PapersOnDemandProperties
{
    private static readonly CollectionFileVersion BibVersion = new("/c/refs.bib", 1234, 5678);
    private static readonly CollectionFileVersion ListingVersion = new("/c/list.txt", 99, 42);

    /// <summary>Up to three chunks (a partial last one and partial last blocks included), every kind of field and abstract.</summary>
    private static readonly Gen<Paper[]> Papers =
        Gen.Choose(0, (2 * CollectionCacheStore.PapersPerChunk) + 40)
            .Zip(ArbMap.Default.GeneratorFor<string?[]>())
            .Select(generated => Enumerable.Range(0, generated.Item1).Select(i => MakePaper(i, generated.Item2)).ToArray());

    [Property(MaxTest = 60)]
    public Property Papers_decoded_on_first_touch_are_the_papers_written() =>
        Prop.ForAll(
            Papers.Zip(Gen.Choose(0, int.MaxValue)).ToArbitrary(),
            generated =>
            {
                var (papers, seed) = generated;
                var list = OnDemand(papers);
                var random = new Random(seed);
                // A random order: blocks are decoded as they are first touched, not front to back.
                var order = Enumerable.Range(0, papers.Length).OrderBy(_ => random.Next()).ToArray();
                var read = new Paper[papers.Length];
                foreach (var i in order)
                {
                    read[i] = list[i];
                }

                var same = list.Length == papers.Length && Enumerable.Range(0, papers.Length).All(i => Same(papers[i], read[i]));
                var stable = Enumerable.Range(0, papers.Length).All(i => ReferenceEquals(read[i], list[i]));
                var enumerated = list.Select(PaperText.Of).SequenceEqual(papers.Select(PaperText.Of));
                return same.Label("decoded papers equal the written ones")
                    .And(stable.Label("a paper touched again is the same object"))
                    .And(enumerated.Label("enumeration"));
            });

    [Property(MaxTest = 25)]
    public Property Concurrent_first_touches_decode_each_paper_once_for_every_reader() =>
        Prop.ForAll(
            Papers.Zip(Gen.Choose(0, int.MaxValue)).ToArbitrary(),
            generated =>
            {
                var (papers, seed) = generated;
                var list = OnDemand(papers);
                const int Readers = 4;
                var seen = new Paper[Readers][];
                using var start = new Barrier(Readers);
                var threads = Enumerable.Range(0, Readers).Select(reader => new Thread(() =>
                {
                    var random = new Random(seed + reader);
                    var order = Enumerable.Range(0, papers.Length).OrderBy(_ => random.Next()).ToArray();
                    var mine = new Paper[papers.Length];
                    start.SignalAndWait();
                    foreach (var i in order)
                    {
                        mine[i] = list[i];
                    }

                    seen[reader] = mine;
                })).ToList();
                threads.ForEach(t => t.Start());
                threads.ForEach(t => t.Join());

                var oneObjectEach = Enumerable.Range(0, papers.Length).All(i => seen.All(s => ReferenceEquals(s[i], seen[0][i])));
                var equal = Enumerable.Range(0, papers.Length).All(i => Same(papers[i], seen[0][i]));
                return oneObjectEach.Label("every reader got the same object").And(equal.Label("equal to the written paper"));
            });

    [Property(MaxTest = 30)]
    public Property Decoding_everything_gives_the_papers_in_order(bool touchSomeFirst) =>
        Prop.ForAll(
            Papers.ToArbitrary(),
            papers =>
            {
                var list = OnDemand(papers);
                if (touchSomeFirst)
                {
                    for (var i = 0; i < papers.Length; i += 37)
                    {
                        _ = list[i];
                    }
                }

                var all = list.ToImmutableArray();
                return (all.Length == papers.Length && all.Select((p, i) => Same(papers[i], p)).All(x => x)
                        && all.Select((p, i) => ReferenceEquals(p, list[i])).All(x => x)).ToProperty();
            });

    [Fact]
    public void Papers_of_one_file_share_one_file_version_across_blocks()
    {
        var papers = Enumerable.Range(0, CollectionCacheStore.PapersPerChunk + 50).Select(i => MakePaper(i * 4 + 2, ["x"])).ToArray();
        Assert.All(papers, p => Assert.IsType<BibTexFileAbstract>(p.Abstract));

        var list = OnDemand(papers);
        var versions = list.Select(p => ((BibTexFileAbstract)p.Abstract!).File).Distinct(ReferenceEqualityComparer.Instance).Count();

        Assert.Equal(1, versions);
    }

    [Property(MaxTest = 40)]
    public Property A_chunk_written_with_writers_used_before_is_the_chunk_written_with_new_ones() =>
        Prop.ForAll(
            Papers.ToArbitrary(),
            papers =>
            {
                PaperList all = [.. papers];
                var blockWriter = new CacheChunkWriter();
                var chunkWriter = new CacheChunkWriter();
                for (var start = 0; start < papers.Length; start += CollectionCacheStore.PapersPerChunk)
                {
                    var count = Math.Min(CollectionCacheStore.PapersPerChunk, papers.Length - start);
                    PaperChunkFormat.Write(all, start, count, blockWriter, chunkWriter);
                    if (!chunkWriter.WrittenSpan.SequenceEqual(PaperChunkFormat.Write(all, start, count)))
                    {
                        return false;
                    }
                }

                return true;
            });

    /// <summary>The papers as <see cref="CollectionCacheStore"/> writes and reads them: chunks of bytes, decoded on demand;
    /// for an odd count of papers with the cached keys made as strings first (as after the key lookup), which decoded papers take.</summary>
    internal static PaperList OnDemand(Paper[] papers)
    {
        using var stream = new MemoryStream();
        CachedStrings.WriteTo(stream, [.. papers.Select(p => p.Key)]);
        var keyBytes = stream.ToArray();
        var keys = CachedStrings.Read(keyBytes, System.IO.Hashing.XxHash3.HashToUInt64(keyBytes));
        if (papers.Length % 2 == 1)
        {
            _ = keys.Strings;
        }

        PaperList all = [.. papers];
        var blocks = new List<byte[]>();
        // The writers are shared by every chunk, as the cache write shares them.
        var blockWriter = new CacheChunkWriter();
        var chunkWriter = new CacheChunkWriter();
        for (var start = 0; start < papers.Length; start += CollectionCacheStore.PapersPerChunk)
        {
            var count = Math.Min(CollectionCacheStore.PapersPerChunk, papers.Length - start);
            PaperChunkFormat.Write(all, start, count, blockWriter, chunkWriter);
            var chunk = chunkWriter.ToArray();
            PaperChunkFormat.ReadBlocks(new MemoryStream(chunk), chunk.Length, count, System.IO.Hashing.XxHash3.HashToUInt64(chunk), blocks);
        }

        return PaperList.OnDemand(new CachedPaperChunks([.. blocks], papers.Length, keys));
    }

    private static bool Same(Paper written, Paper read) =>
        PaperText.Of(written) == PaperText.Of(read) && Equals(written.Abstract, read.Abstract);

    internal static Paper MakePaper(int i, string?[] texts)
    {
        string? Text(int k) => texts.Length == 0 ? null : texts[(i + k) % texts.Length];
        return new Paper
        {
            Key = $"key{i}" + (Text(0) ?? string.Empty),
            Title = Text(1) ?? $"Title {i}",
            Authors = [.. texts.Where(t => t is not null).Take(i % 4).Select(t => t!)],
            Year = Text(2),
            Venue = i % 3 == 0 ? "Venue" : Text(3),
            Abstract = (i % 4) switch
            {
                0 => PaperAbstract.FromText(Text(4)),
                1 => new ListingFileAbstract(ListingVersion, i * 10L, i, (ulong)i * 31),
                2 => new BibTexFileAbstract(BibVersion, i * 100L, i + 5, (ulong)i * 17),
                _ => null,
            },
            Doi = Text(5),
            Url = Text(6),
            ArxivId = i % 5 == 0 ? $"2101.{i:D5}" : null,
            EntryType = Text(7),
            KeyIsGenerated = i % 2 == 0,
            Source = new SourceLocation(i % 7 == 0 ? "/c/list.txt" : "/c/refs.bib", i + 1),
            OtherSources = i % 6 == 0 ? [new SourceLocation("/c/other.bib", i)] : [],
            OtherKeys = i % 9 == 0 ? [$"other{i}"] : ImmutableArray<string>.Empty,
        };
    }
}
