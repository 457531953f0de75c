using System.Collections.Immutable;
using PaperLsp.Core.Collections;

namespace PaperLsp.Server.Tests.Infrastructure;

/// <summary>
/// A tiny collection format for protocol tests (the real loaders are tested in the core): one paper per line,
/// <c>key | Title</c>; a line <c>!broken</c> stands for a malformed entry (PN010), as a file cut mid-write would show.
/// </summary>
internal static class TestCollections
{
    public static CollectionLoadResult Read(string path)
    {
        string[] lines;
        try
        {
            lines = File.ReadAllLines(path);
        }
        catch (IOException exception)
        {
            return new CollectionLoadResult(path, [], [new CollectionProblem(path, 1, 1, "PN015", exception.Message)]);
        }

        var papers = ImmutableArray.CreateBuilder<Paper>();
        var problems = ImmutableArray.CreateBuilder<CollectionProblem>();
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.StartsWith('!'))
            {
                problems.Add(new CollectionProblem(path, i + 1, 1, "PN010", "Malformed entry skipped"));
                continue;
            }

            var bar = line.IndexOf('|');
            if (bar > 0)
            {
                papers.Add(new Paper
                {
                    Key = line[..bar].Trim(),
                    Title = line[(bar + 1)..].Trim(),
                    Authors = ["Ashish Vaswani", "Noam Shazeer"],
                    Year = "2017",
                    Abstract = PaperAbstract.FromText("An abstract."),
                    Source = new SourceLocation(path, i + 1),
                });
            }
        }

        return new CollectionLoadResult(path, papers.ToImmutable(), problems.ToImmutable());
    }
}
