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
    internal static CollectionLoadResult Load(string filePath, BibTexChunkReader reader, IReadOnlyDictionary<string, string>? initialMacros, CollectionFileVersion? file) =>
        Load(filePath, reader, initialMacros, file, reader.ScanCrossrefTargets());

    /// <param name="possibleParents">The keys (ignoring case) crossref fields may name, from
    /// <see cref="BibTexCrossrefTargets"/>: only those entries are kept until the end. Null keeps every entry. A child
    /// naming an entry that was not kept makes the file read again keeping every entry: the result never depends on this.</param>
    internal static CollectionLoadResult Load(
        string filePath, BibTexChunkReader reader, IReadOnlyDictionary<string, string>? initialMacros, CollectionFileVersion? file,
        IReadOnlySet<string>? possibleParents)
    {
        if (possibleParents is not null && !reader.CanRestart)
        {
            possibleParents = null;
        }

        return TryLoad(filePath, reader, initialMacros, file, possibleParents)
               ?? TryLoad(filePath, reader.Restarted(), initialMacros, file, possibleParents: null)!;
    }

    /// <summary>One entry's paper, or the problem that skips it, by the entry's place among the file's unique entries.</summary>
    private readonly record struct BuiltEntry(int Index, Paper? Paper, CollectionProblem? Problem);

    /// <summary>An entry waiting for the end of the file: it has a crossref (or is kept as a possible parent).</summary>
    private readonly record struct WaitingEntry(int Index, BibTexEntry Entry, BibTexFileAbstract? OwnAbstract);

    /// <summary>
    /// The papers, built as the entries come: an entry without crossref becomes its paper at once, on the thread pool (its
    /// fields then die young); an entry with a crossref waits for the end of the file, where its parent may be. Entries
    /// that may be parents are kept too. Null when a child names an entry that was not kept.
    /// </summary>
    private static CollectionLoadResult? TryLoad(
        string filePath, BibTexChunkReader reader, IReadOnlyDictionary<string, string>? initialMacros, CollectionFileVersion? file,
        IReadOnlySet<string>? possibleParents)
    {
        var lineOfKey = new Dictionary<string, int>(StringComparer.Ordinal);
        var kept = new Dictionary<string, BibTexEntry>(StringComparer.Ordinal);
        var keptAbstracts = new Dictionary<string, BibTexFileAbstract>(ReferenceEqualityComparer.Instance);
        var duplicates = new List<CollectionProblem>();
        var waiting = new List<WaitingEntry>();
        var building = new List<Task<BuiltEntry[]>>();
        var batch = new List<WaitingEntry>(BuildBatchSize);
        var pool = new System.Collections.Concurrent.ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        var count = 0;

        void Dispatch()
        {
            if (batch.Count == 0)
            {
                return;
            }

            var entries = batch.ToArray();
            batch.Clear();
            building.Add(Task.Run(() => Array.ConvertAll(entries, e => Build(filePath, e.Index, e.Entry, e.Entry.Fields, e.OwnAbstract, null, pool))));
        }

        void OnEntry(BibTexEntry entry, BibTexFileAbstract? fileAbstract)
        {
            if (entry.Key.Length > 0)
            {
                if (!lineOfKey.TryAdd(entry.Key, entry.Line))
                {
                    duplicates.Add(new CollectionProblem(filePath, entry.Line, 1, CollectionProblemCodes.DuplicateKey,
                        $"Duplicate key '{entry.Key}': the entry at line {lineOfKey[entry.Key]} is kept, this one is skipped."));
                    return;
                }

                if (possibleParents is null || possibleParents.Contains(entry.Key))
                {
                    kept.Add(entry.Key, entry);
                    if (fileAbstract is not null)
                    {
                        keptAbstracts[entry.Field("abstract")!] = fileAbstract;
                    }
                }
            }

            var index = count++;
            if (entry.Type is "set" or "xdata")
            {
                return; // containers, not papers (still parents)
            }

            var item = new WaitingEntry(index, entry, fileAbstract);
            if (entry.Field("crossref") is { } crossref && !string.IsNullOrWhiteSpace(crossref))
            {
                waiting.Add(item);
                return;
            }

            batch.Add(item);
            if (batch.Count == BuildBatchSize)
            {
                Dispatch();
            }
        }

        var document = BibTexParser.Parse(filePath, reader, initialMacros, file, keepFields: FieldsRead, onEntry: OnEntry);
        Dispatch();

        // Crossrefs resolve in file order (a parent with its own crossref first), as their problems always came.
        var crossrefProblems = new List<(int Index, CollectionProblem Problem)>();
        var resolved = new Dictionary<BibTexEntry, IReadOnlyDictionary<string, string>>(ReferenceEqualityComparer.Instance);
        var parentDropped = false;
        // The first key equal to each ignoring case, made only when a crossref names a key that differs in case (a
        // dictionary of every key would be garbage in nearly every file). A dictionary without removals keeps insertion order.
        Dictionary<string, string>? firstKeyIgnoringCase = null;
        bool ExistsIgnoringCase(string key, out string? firstKey)
        {
            if (firstKeyIgnoringCase is null)
            {
                firstKeyIgnoringCase = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                foreach (var known in lineOfKey.Keys)
                {
                    firstKeyIgnoringCase.TryAdd(known, known);
                }
            }

            return firstKeyIgnoringCase.TryGetValue(key, out firstKey);
        }

        IReadOnlyDictionary<string, string> FieldsOf(BibTexEntry entry, int depth, int index)
        {
            if (resolved.TryGetValue(entry, out var done))
            {
                return done;
            }

            var fields = entry.Fields;
            if (entry.Field("crossref") is { } crossref && crossref.Trim() is { Length: > 0 } parentKey)
            {
                BibTexEntry? parent = null;
                var exists = lineOfKey.ContainsKey(parentKey) || ExistsIgnoringCase(parentKey, out parentKey);
                if (exists && !kept.TryGetValue(parentKey!, out parent))
                {
                    parentDropped = true;
                }

                if (parent is not null && !ReferenceEquals(parent, entry) && depth < 8)
                {
                    fields = BibTexCrossref.Inherit(entry.Fields, entry.Type, parent, FieldsOf(parent, depth + 1, index));
                }
                else
                {
                    crossrefProblems.Add((index, new CollectionProblem(filePath, entry.Line, 1, CollectionProblemCodes.UnresolvedCrossref,
                        $"Entry '{entry.Key}' has crossref '{crossref.Trim()}', which is not an entry of this file.")));
                }
            }

            resolved[entry] = fields;
            return fields;
        }

        var waitingFields = new IReadOnlyDictionary<string, string>[waiting.Count];
        for (var i = 0; i < waiting.Count; i++)
        {
            waitingFields[i] = FieldsOf(waiting[i].Entry, 0, waiting[i].Index);
        }

        if (parentDropped)
        {
            Task.WaitAll(building);
            return null;
        }

        var waitingBuilt = new BuiltEntry[waiting.Count];
        Parallel.For(0, waiting.Count, i =>
            waitingBuilt[i] = Build(filePath, waiting[i].Index, waiting[i].Entry, waitingFields[i], waiting[i].OwnAbstract, keptAbstracts, pool));

        var papers = new Paper?[count];
        var skipped = new CollectionProblem?[count];
        foreach (var built in building.SelectMany(task => task.GetAwaiter().GetResult()).Concat(waitingBuilt))
        {
            papers[built.Index] = built.Paper;
            skipped[built.Index] = built.Problem;
        }

        var problems = document.Problems.ToBuilder();
        problems.AddRange(duplicates);
        var nextCrossrefProblem = 0;
        var result = ImmutableArray.CreateBuilder<Paper>(count);
        KeyGenerator? keys = null; // it copies every key: only for a file with entries that have none
        for (var i = 0; i < count; i++)
        {
            for (; nextCrossrefProblem < crossrefProblems.Count && crossrefProblems[nextCrossrefProblem].Index == i; nextCrossrefProblem++)
            {
                problems.Add(crossrefProblems[nextCrossrefProblem].Problem);
            }

            if (skipped[i] is { } problem)
            {
                problems.Add(problem);
            }

            if (papers[i] is { } paper)
            {
                // A generated key depends on the keys before it: generated here, in file order.
                result.Add(paper.KeyIsGenerated ? paper with { Key = (keys ??= new KeyGenerator(lineOfKey.Keys)).Generate(paper.Title, paper.Year) } : paper);
            }
        }

        return new CollectionLoadResult(filePath, result.ToImmutable(), problems.ToImmutable());
    }

    /// <summary>Entries built per task: enough that scheduling is noise, few enough that the entries die young.</summary>
    private const int BuildBatchSize = 512;

    private static BuiltEntry Build(
        string filePath, int index, BibTexEntry entry, IReadOnlyDictionary<string, string> fields, BibTexFileAbstract? ownAbstract,
        IReadOnlyDictionary<string, BibTexFileAbstract>? inheritedAbstracts, System.Collections.Concurrent.ConcurrentDictionary<string, string> pool)
    {
        if (JoinSubtitle(Decoded(fields, "title"), Decoded(fields, "subtitle")) is not { } title)
        {
            return new BuiltEntry(index, null, new CollectionProblem(filePath, entry.Line, 1, CollectionProblemCodes.MissingTitle,
                $"Entry '{entry.Key}' has no title and is skipped."));
        }

        // Years, venues, entry types and author names repeat across papers: one string each, for as long as the papers live.
        string? Pooled(string? value) => value is null ? null : pool.GetOrAdd(value, value);

        var authors = BibTexNames.Display(Get(fields, "author") ?? Get(fields, "editor"));
        // The authors array was made for this paper alone and is not shared yet.
        var authorArray = System.Runtime.InteropServices.ImmutableCollectionsMarshal.AsArray(authors) ?? [];
        for (var k = 0; k < authorArray.Length; k++)
        {
            authorArray[k] = Pooled(authorArray[k])!;
        }

        var url = Verbatim(Get(fields, "url"));
        var doi = Doi(Verbatim(Get(fields, "doi")));
        var rawAbstract = Get(fields, "abstract");
        PaperAbstract? paperAbstract = rawAbstract is null ? null
            : ownAbstract is not null && ReferenceEquals(rawAbstract, entry.Field("abstract")) ? ownAbstract
            : inheritedAbstracts is not null && inheritedAbstracts.TryGetValue(rawAbstract, out var inherited) ? inherited
            : PaperAbstract.FromText(Decoded(fields, "abstract"));
        return new BuiltEntry(index, new Paper
        {
            Key = entry.Key,
            KeyIsGenerated = entry.Key.Length == 0,
            Title = title,
            Authors = authors,
            Year = Pooled(Year(Get(fields, "year")) ?? Year(Get(fields, "date"))),
            Venue = Pooled(Venue(fields)),
            Abstract = paperAbstract,
            Doi = doi,
            Url = url,
            ArxivId = ArxivId(fields, url, doi),
            EntryType = Pooled(entry.Type),
            Source = new SourceLocation(filePath, entry.Line),
        }, null);
    }

    private static string? Get(IReadOnlyDictionary<string, string> fields, string name) =>
        fields.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value : null;

    private static string? Decoded(IReadOnlyDictionary<string, string> fields, string name) =>
        Get(fields, name) is { } value && LatexDecoder.Decode(value) is { Length: > 0 } decoded ? decoded : null;

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
