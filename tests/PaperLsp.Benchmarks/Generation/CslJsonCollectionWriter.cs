using Newtonsoft.Json;

namespace PaperLsp.Benchmarks.Generation;

/// <summary>Writes a synthetic collection as CSL-JSON (one array, items streamed), names split into family and given.</summary>
public static class CslJsonCollectionWriter
{
    public static void Write(IEnumerable<SyntheticPaper> papers, TextWriter output)
    {
        using var json = new JsonTextWriter(output) { Formatting = Formatting.Indented, Indentation = 1, CloseOutput = false };
        json.WriteStartArray();
        foreach (var paper in papers)
        {
            json.WriteStartObject();
            json.WritePropertyName("id");
            json.WriteValue(paper.Key);
            json.WritePropertyName("type");
            json.WriteValue(paper.EntryType == "article" ? "article-journal" : "paper-conference");
            json.WritePropertyName("title");
            json.WriteValue(paper.Title.Unicode);
            json.WritePropertyName("author");
            json.WriteStartArray();
            foreach (var author in paper.Authors)
            {
                json.WriteStartObject();
                json.WritePropertyName("family");
                json.WriteValue(author.Family.Unicode);
                json.WritePropertyName("given");
                json.WriteValue(author.Given.Unicode);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WritePropertyName("issued");
            json.WriteStartObject();
            json.WritePropertyName("date-parts");
            json.WriteStartArray();
            json.WriteStartArray();
            json.WriteValue(paper.Year);
            json.WriteEndArray();
            json.WriteEndArray();
            json.WriteEndObject();
            json.WritePropertyName("container-title");
            json.WriteValue(paper.Venue);
            if (paper.Doi is not null)
            {
                json.WritePropertyName("DOI");
                json.WriteValue(paper.Doi);
            }

            json.WritePropertyName("abstract");
            json.WriteValue(paper.Abstract);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.Flush();
        output.WriteLine();
    }
}
