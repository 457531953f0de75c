using System.Collections.Immutable;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using PaperLsp.Core.Collections;
using PaperLsp.Core.Collections.Cache;

namespace PaperLsp.Core.Tests.Cache;

public sealed class CacheChunkProperties
{
    [Property(MaxTest = 200)]
    public Property Any_papers_read_back_as_written(NonNull<string>[] keys, string?[] texts, bool generated, PositiveInt line)
    {
        string? Text(int i) => texts.Length == 0 ? null : texts[i % texts.Length];
        var papers = keys.Select((key, i) => new Paper
        {
            Key = key.Get,
            Title = Text(i) ?? string.Empty,
            Authors = texts.Where(t => t is not null).Take(i % 4).Select(t => t!).ToImmutableArray(),
            Year = Text(i + 1),
            Venue = Text(i + 2),
            Abstract = PaperAbstract.FromText(Text(i + 3)),
            Doi = Text(i + 4),
            EntryType = Text(i + 5),
            KeyIsGenerated = generated,
            Source = new SourceLocation(Text(i + 6) ?? "refs.bib", line.Get + i),
            OtherKeys = i % 2 == 0 ? [] : [key.Get + "x"],
        }).ToList();

        var writer = new CacheChunkWriter();
        papers.ForEach(writer.WritePaper);
        var bytes = writer.ToArray();
        var reader = new CacheChunkReader(bytes);
        var read = new List<Paper>();
        for (var i = 0; i < papers.Count; i++)
        {
            read.Add(reader.ReadPaper());
        }

        return (read.Select(PaperText.Of).SequenceEqual(papers.Select(PaperText.Of)) && reader.AtEnd).ToProperty();
    }
}
