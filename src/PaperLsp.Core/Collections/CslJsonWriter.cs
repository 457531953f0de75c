using Newtonsoft.Json;

namespace PaperLsp.Core.Collections;

/// <summary>
/// Writes papers as CSL-JSON (the format of Zotero, pandoc and citation.js): id = key, type, title, author, issued,
/// container-title, abstract, DOI, URL. Authors are kept by the loaders as display names ("Given Family"); they are split
/// back on the last word, with lower-case particles (van, de, von …) kept as the non-dropping particle.
/// </summary>
public static class CslJsonWriter
{
    private static readonly HashSet<string> Particles = new(StringComparer.Ordinal) { "van", "von", "de", "der", "den", "da", "di", "du", "la", "le", "del", "della", "dos", "ter", "ten" };

    public static void Write(IEnumerable<Paper> papers, TextWriter output)
    {
        using var json = new JsonTextWriter(output) { Formatting = Formatting.Indented, Indentation = 2, CloseOutput = false };
        json.WriteStartArray();
        foreach (var paper in papers)
        {
            WriteItem(json, paper);
        }

        json.WriteEndArray();
        json.Flush();
        output.WriteLine();
    }

    private static void WriteItem(JsonTextWriter json, Paper paper)
    {
        json.WriteStartObject();
        json.WritePropertyName("id");
        json.WriteValue(paper.Key);
        json.WritePropertyName("type");
        json.WriteValue(CslType(paper.EntryType));
        json.WritePropertyName("title");
        json.WriteValue(paper.Title);
        if (!paper.Authors.IsDefaultOrEmpty)
        {
            json.WritePropertyName("author");
            json.WriteStartArray();
            foreach (var author in paper.Authors)
            {
                WriteName(json, author);
            }

            json.WriteEndArray();
        }

        if (paper.Year is { Length: 4 } year && int.TryParse(year, out var yearNumber))
        {
            json.WritePropertyName("issued");
            json.WriteStartObject();
            json.WritePropertyName("date-parts");
            json.WriteStartArray();
            json.WriteStartArray();
            json.WriteValue(yearNumber);
            json.WriteEndArray();
            json.WriteEndArray();
            json.WriteEndObject();
        }

        WriteOptional(json, "container-title", paper.Venue);
        WriteOptional(json, "abstract", paper.Abstract?.Read());
        WriteOptional(json, "DOI", paper.Doi);
        WriteOptional(json, "URL", paper.Url ?? (paper.ArxivId is null ? null : $"https://arxiv.org/abs/{paper.ArxivId}"));
        json.WriteEndObject();
    }

    private static void WriteName(JsonTextWriter json, string author)
    {
        json.WriteStartObject();
        var words = author.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length < 2)
        {
            json.WritePropertyName("literal");
            json.WriteValue(author.Trim());
        }
        else
        {
            var familyStart = words.Length - 1;
            while (familyStart > 1 && Particles.Contains(words[familyStart - 1]))
            {
                familyStart--;
            }

            var particle = string.Join(' ', words[familyStart..^1]);
            json.WritePropertyName("family");
            json.WriteValue(words[^1]);
            json.WritePropertyName("given");
            json.WriteValue(string.Join(' ', words[..familyStart]));
            if (particle.Length > 0)
            {
                json.WritePropertyName("non-dropping-particle");
                json.WriteValue(particle);
            }
        }

        json.WriteEndObject();
    }

    private static void WriteOptional(JsonTextWriter json, string name, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            json.WritePropertyName(name);
            json.WriteValue(value);
        }
    }

    private static string CslType(string? entryType) => entryType switch
    {
        "article" => "article-journal",
        "inproceedings" or "conference" => "paper-conference",
        "proceedings" or "book" or "mvbook" or "collection" or "mvcollection" => "book",
        "inbook" or "incollection" or "bookinbook" or "suppbook" or "suppcollection" => "chapter",
        "phdthesis" or "mastersthesis" or "thesis" => "thesis",
        "techreport" or "report" => "report",
        "manual" => "report",
        "online" or "electronic" or "www" => "webpage",
        "patent" => "patent",
        "periodical" => "periodical",
        "unpublished" => "manuscript",
        null => "article",
        _ => "document",
    };
}
