using Newtonsoft.Json;
using PaperLsp.Core.Features.Presentation;

namespace PaperLsp.Cli.Commands;

/// <summary><c>paperlsp search QUERY</c>: the collection's papers ranked by the same fuzzy search completion uses.</summary>
public static class SearchCommand
{
    public static int Run(string query, IReadOnlyList<string> collections, int limit, string format, TextWriter output)
    {
        limit = Math.Max(0, limit);
        // A warm cache answers without loading the collection (the index and the printed papers only); else load it all.
        var hits = CommandWorkspace.TrySearchCached(Directory.GetCurrentDirectory(), collections, query, limit);
        CommandWorkspace? workspace = null;
        if (hits is null)
        {
            workspace = CommandWorkspace.Open(Directory.GetCurrentDirectory(), collections);
            hits = workspace.Papers.Search(query, limit);
        }

        if (format == "json")
        {
            using var json = new JsonTextWriter(output) { Formatting = Formatting.Indented, CloseOutput = false };
            json.WriteStartArray();
            foreach (var (paper, score) in hits)
            {
                json.WriteStartObject();
                json.WritePropertyName("key");
                json.WriteValue(paper.Key);
                json.WritePropertyName("title");
                json.WriteValue(paper.Title);
                json.WritePropertyName("authors");
                json.WriteStartArray();
                foreach (var author in paper.Authors)
                {
                    json.WriteValue(author);
                }

                json.WriteEndArray();
                json.WritePropertyName("year");
                json.WriteValue(paper.Year);
                json.WritePropertyName("venue");
                json.WriteValue(paper.Venue);
                json.WritePropertyName("score");
                json.WriteValue(score);
                json.WritePropertyName("source");
                json.WriteValue($"{CommandWorkspace.Display(paper.Source.FilePath)}:{paper.Source.Line}");
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.Flush();
            output.WriteLine();
        }
        else
        {
            foreach (var (paper, _) in hits)
            {
                output.WriteLine($"{paper.Title}  ({PaperMarkdown.Detail(paper)})");
            }
        }

        output.Flush();
        workspace?.PersistCache();
        return ExitCodes.Success;
    }
}
