using System.Collections.Immutable;

namespace PaperLsp.Core.Collections;

/// <summary>
/// Turns a .bib text into papers: <see cref="BibTexParser"/> reads the entries, crossrefs are inherited
/// (<see cref="BibTexCrossref"/>), and each titled entry becomes a <see cref="Paper"/> with its text decoded from LaTeX.
/// <c>@set</c> and <c>@xdata</c> entries are containers, not papers, and are left out silently.
/// Title and subtitle are joined with ": " (just a space when the title already ends in . ? ! or :).
/// The year is the first four digits of <c>year</c>, else of <c>date</c>. The venue is the first of journaltitle,
/// journal, booktitle (each with its subtitle), publisher, institution, school, organization.
/// </summary>
public static class BibTexLoader
{
    private static readonly string[] VenueFields = ["journaltitle", "journal", "booktitle", "publisher", "institution", "school", "organization"];

    /// <summary>
    /// Every field this loader reads, directly or through crossref (a parent's title and subtitle become the child's
    /// booktitle, maintitle or journaltitle and their subtitles). Only these are kept while a file's entries wait for
    /// their papers (pages, keywords, file, note… are most of a real library's other fields). A field read below must
    /// be listed here.
    /// </summary>
    internal static readonly HashSet<string> FieldsRead = new(StringComparer.OrdinalIgnoreCase)
    {
        "title", "subtitle", "crossref", "year", "date", "url", "doi", "author", "editor", "abstract",
        "journaltitle", "journal", "booktitle", "publisher", "institution", "school", "organization",
        "journalsubtitle", "booksubtitle", "eprinttype", "archiveprefix", "eprint",
    };

    /// <param name="initialMacros">Macros defined before this file, e.g. from an abbreviations file.</param>
    public static CollectionLoadResult Load(string filePath, string text, IReadOnlyDictionary<string, string>? initialMacros = null) =>
        Load(filePath, BibTexChunkReader.FromText(text), initialMacros, file: null);

    /// <param name="file">The version of the file <paramref name="reader"/> reads: abstracts then stay in the file.</param>
    internal static CollectionLoadResult Load(string filePath, BibTexChunkReader reader, IReadOnlyDictionary<string, string>? initialMacros, CollectionFileVersion? file)
    {
        var document = BibTexParser.Parse(filePath, reader, initialMacros, file, keepFields: FieldsRead);
        var problems = document.Problems.ToBuilder();

        var byKey = new Dictionary<string, BibTexEntry>(StringComparer.Ordinal);
        var byKeyIgnoringCase = new Dictionary<string, BibTexEntry>(StringComparer.OrdinalIgnoreCase);
        var unique = new List<BibTexEntry>(document.Entries.Length);
        foreach (var entry in document.Entries)
        {
            if (entry.Key.Length > 0 && !byKey.TryAdd(entry.Key, entry))
            {
                problems.Add(new CollectionProblem(filePath, entry.Line, 1, CollectionProblemCodes.DuplicateKey,
                    $"Duplicate key '{entry.Key}': the entry at line {byKey[entry.Key].Line} is kept, this one is skipped."));
                continue;
            }

            if (entry.Key.Length > 0)
            {
                byKeyIgnoringCase.TryAdd(entry.Key, entry);
            }

            unique.Add(entry);
        }

        var resolved = new Dictionary<BibTexEntry, IReadOnlyDictionary<string, string>>(ReferenceEqualityComparer.Instance);
        IReadOnlyDictionary<string, string> FieldsOf(BibTexEntry entry, int depth)
        {
            if (resolved.TryGetValue(entry, out var done))
            {
                return done;
            }

            var fields = entry.Fields;
            if (entry.Field("crossref") is { } crossref && crossref.Trim() is { Length: > 0 } parentKey)
            {
                if ((byKey.TryGetValue(parentKey, out var parent) || byKeyIgnoringCase.TryGetValue(parentKey, out parent))
                    && !ReferenceEquals(parent, entry) && depth < 8)
                {
                    fields = BibTexCrossref.Inherit(entry.Fields, entry.Type, parent, FieldsOf(parent, depth + 1));
                }
                else
                {
                    problems.Add(new CollectionProblem(filePath, entry.Line, 1, CollectionProblemCodes.UnresolvedCrossref,
                        $"Entry '{entry.Key}' has crossref '{parentKey}', which is not an entry of this file."));
                }
            }

            resolved[entry] = fields;
            return fields;
        }

        // Crossrefs resolve in file order (their problems come in the order they always did); the LaTeX decoding, which is
        // most of the work, runs in parallel; keys are generated in file order again (a generated key depends on the ones
        // before it).
        var fieldsOf = new IReadOnlyDictionary<string, string>?[unique.Count];
        var crossrefProblemsEnd = new int[unique.Count];
        var problemsBefore = problems.Count;
        for (var i = 0; i < unique.Count; i++)
        {
            if (unique[i].Type is not ("set" or "xdata"))
            {
                fieldsOf[i] = FieldsOf(unique[i], 0);
            }

            crossrefProblemsEnd[i] = problems.Count - problemsBefore;
        }

        var crossrefProblems = problems.Skip(problemsBefore).ToList();
        problems.Count = problemsBefore;

        var titles = new string?[unique.Count];
        Parallel.For(0, unique.Count, i =>
        {
            if (fieldsOf[i] is { } fields)
            {
                titles[i] = JoinSubtitle(Decoded(fields, "title"), Decoded(fields, "subtitle"));
            }
        });

        var pending = new List<(BibTexEntry Entry, IReadOnlyDictionary<string, string> Fields, string Title)>(unique.Count);
        for (var i = 0; i < unique.Count; i++)
        {
            for (var k = i == 0 ? 0 : crossrefProblemsEnd[i - 1]; k < crossrefProblemsEnd[i]; k++)
            {
                problems.Add(crossrefProblems[k]);
            }

            if (fieldsOf[i] is not { } fields)
            {
                continue;
            }

            var entry = unique[i];
            if (titles[i] is not { } title)
            {
                problems.Add(new CollectionProblem(filePath, entry.Line, 1, CollectionProblemCodes.MissingTitle,
                    $"Entry '{entry.Key}' has no title and is skipped."));
                continue;
            }

            pending.Add((entry, fields, title));
        }

        var built = new Paper[pending.Count];
        Parallel.For(0, pending.Count, i =>
        {
            var (entry, fields, title) = pending[i];
            var year = Year(Get(fields, "year")) ?? Year(Get(fields, "date"));
            var url = Verbatim(Get(fields, "url"));
            var doi = Doi(Verbatim(Get(fields, "doi")));
            built[i] = new Paper
            {
                Key = entry.Key,
                KeyIsGenerated = entry.Key.Length == 0,
                Title = title,
                Authors = BibTexNames.Display(Get(fields, "author") ?? Get(fields, "editor")),
                Year = year,
                Venue = Venue(fields),
                Abstract = Abstract(fields, document.FileAbstracts),
                Doi = doi,
                Url = url,
                ArxivId = ArxivId(fields, url, doi),
                EntryType = entry.Type,
                Source = new SourceLocation(filePath, entry.Line),
            };
        });

        // Years, venues, entry types and author names repeat across papers: one string each, for as long as the papers live.
        var pool = new Dictionary<string, string>(StringComparer.Ordinal);
        string? Pooled(string? value)
        {
            if (value is null)
            {
                return null;
            }

            ref var pooled = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(pool, value, out _);
            return pooled ??= value;
        }

        var keys = new KeyGenerator(byKey.Keys);
        for (var i = 0; i < built.Length; i++)
        {
            var paper = built[i];
            // The authors array was made for this paper alone and is not shared yet.
            var authors = System.Runtime.InteropServices.ImmutableCollectionsMarshal.AsArray(paper.Authors) ?? [];
            for (var k = 0; k < authors.Length; k++)
            {
                authors[k] = Pooled(authors[k])!;
            }

            built[i] = paper with
            {
                Key = paper.KeyIsGenerated ? keys.Generate(paper.Title, paper.Year) : paper.Key,
                Year = Pooled(paper.Year),
                Venue = Pooled(paper.Venue),
                EntryType = Pooled(paper.EntryType),
            };
        }

        return new CollectionLoadResult(filePath, System.Runtime.InteropServices.ImmutableCollectionsMarshal.AsImmutableArray(built), problems.ToImmutable());
    }

    private static string? Get(IReadOnlyDictionary<string, string> fields, string name) =>
        fields.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value : null;

    private static string? Decoded(IReadOnlyDictionary<string, string> fields, string name) =>
        Get(fields, name) is { } value && LatexDecoder.Decode(value) is { Length: > 0 } decoded ? decoded : null;

    private static PaperAbstract? Abstract(IReadOnlyDictionary<string, string> fields, IReadOnlyDictionary<string, BibTexFileAbstract>? inFile) =>
        Get(fields, "abstract") is { } raw && inFile is not null && inFile.TryGetValue(raw, out var fileAbstract)
            ? fileAbstract
            : PaperAbstract.FromText(Decoded(fields, "abstract"));

    internal static string? JoinSubtitle(string? title, string? subtitle)
    {
        if (title is null || subtitle is null)
        {
            return title;
        }

        return title[^1] is '.' or '?' or '!' or ':' ? $"{title} {subtitle}" : $"{title}: {subtitle}";
    }

    private static string? Venue(IReadOnlyDictionary<string, string> fields)
    {
        foreach (var name in VenueFields)
        {
            if (Decoded(fields, name) is { } venue)
            {
                var subtitleField = name switch
                {
                    "journaltitle" or "journal" => "journalsubtitle",
                    "booktitle" => "booksubtitle",
                    _ => null,
                };
                return subtitleField is null ? venue : JoinSubtitle(venue, Decoded(fields, subtitleField));
            }
        }

        return null;
    }

    /// <summary>The first run of four digits: "2006", "{2006a}", "1885/1888" and "2020-05-01" all give a year.</summary>
    internal static string? Year(string? value)
    {
        if (value is null)
        {
            return null;
        }

        for (var i = 0; i + 4 <= value.Length; i++)
        {
            if (char.IsAsciiDigit(value[i]) && char.IsAsciiDigit(value[i + 1]) && char.IsAsciiDigit(value[i + 2])
                && char.IsAsciiDigit(value[i + 3]) && (i + 4 == value.Length || !char.IsAsciiDigit(value[i + 4])))
            {
                return value.Substring(i, 4);
            }

            while (i < value.Length && char.IsAsciiDigit(value[i]))
            {
                i++;
            }
        }

        return null;
    }

    /// <summary>URL-like fields are verbatim in BibLaTeX: only the braces and escaping backslashes some files add are removed.</summary>
    private static string? Verbatim(string? value)
    {
        if (value is null)
        {
            return null;
        }

        var builder = new System.Text.StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c is '{' or '}' || (c == '\\' && i + 1 < value.Length && value[i + 1] is '_' or '%' or '&' or '#' or '$' or '~'))
            {
                continue;
            }

            builder.Append(c);
        }

        var result = builder.ToString().Trim();
        return result.Length > 0 ? result : null;
    }

    /// <summary>A DOI without the resolver prefix people paste along with it.</summary>
    internal static string? Doi(string? value)
    {
        if (value is null)
        {
            return null;
        }

        foreach (var prefix in new[] { "https://doi.org/", "http://doi.org/", "https://dx.doi.org/", "http://dx.doi.org/", "doi:" })
        {
            if (value.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return value[prefix.Length..].Trim();
            }
        }

        return value;
    }

    private static string? ArxivId(IReadOnlyDictionary<string, string> fields, string? url, string? doi)
    {
        var eprintType = Get(fields, "eprinttype") ?? Get(fields, "archiveprefix");
        if (eprintType is not null && eprintType.Trim().Equals("arxiv", StringComparison.OrdinalIgnoreCase)
            && ArxivIdReader.FromEprint(Verbatim(Get(fields, "eprint"))) is { } fromEprint)
        {
            return fromEprint;
        }

        return ArxivIdReader.FromText(url) ?? ArxivIdReader.FromText(doi)
            ?? ArxivIdReader.FromText(Get(fields, "journal")) ?? ArxivIdReader.FromText(Get(fields, "eprint"));
    }
}
