using System.Collections.Immutable;

namespace PaperLsp.Core.Collections;

/// <summary>
/// Reads RIS (Zotero, Mendeley, EndNote exports): records from <c>TY  - type</c> to <c>ER  -</c>; a tag line is two
/// characters (letter, then letter or digit), blanks, '-', then the value. Title from TI/T1 (else CT, BT); venue from
/// T2/JO/JF/JA/J2/BT; authors AU/A1 ("Last, First" shown as "First Last"); year from PY/Y1/DA; abstract AB/N2; DO, UR,
/// ID as key. A line without a tag inside a record continues the previous value (exporters wrap long abstracts);
/// outside a record it is reported. CRLF and a missing final ER are tolerated (the latter with a problem).
/// </summary>
public static class RisLoader
{
    public static CollectionLoadResult Load(string filePath, string text)
    {
        var problems = ImmutableArray.CreateBuilder<CollectionProblem>();
        var records = new List<(int Line, List<(string Tag, string Value)> Fields)>();
        List<(string Tag, string Value)>? current = null;
        var currentLine = 0;
        var lineNumber = 0;
        foreach (var rawLine in (text ?? string.Empty).Split('\n'))
        {
            lineNumber++;
            var line = rawLine.TrimEnd('\r').TrimStart('\uFEFF');
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            if (!TryReadTag(line, out var tag, out var value))
            {
                if (current is { Count: > 0 })
                {
                    var (lastTag, lastValue) = current[^1];
                    current[^1] = (lastTag, $"{lastValue} {line.Trim()}");
                }
                else
                {
                    problems.Add(Malformed(filePath, lineNumber, "A line outside a record that is not a 'TY  - ' line; ignored."));
                }

                continue;
            }

            if (tag == "TY")
            {
                if (current is not null)
                {
                    problems.Add(Malformed(filePath, currentLine, "Record without 'ER  -' before the next 'TY  -'; read as ended."));
                    records.Add((currentLine, current));
                }

                current = [(tag, value)];
                currentLine = lineNumber;
            }
            else if (tag == "ER")
            {
                if (current is null)
                {
                    problems.Add(Malformed(filePath, lineNumber, "'ER  -' without a 'TY  -' record; ignored."));
                }
                else
                {
                    records.Add((currentLine, current));
                    current = null;
                }
            }
            else if (current is null)
            {
                problems.Add(Malformed(filePath, lineNumber, $"'{tag}' outside a record (records start with 'TY  -'); ignored."));
            }
            else
            {
                current.Add((tag, value));
            }
        }

        if (current is not null)
        {
            problems.Add(Malformed(filePath, currentLine, "The last record has no 'ER  -'; read as ended."));
            records.Add((currentLine, current));
        }

        return Build(filePath, records, problems);
    }

    private static CollectionLoadResult Build(
        string filePath,
        List<(int Line, List<(string Tag, string Value)> Fields)> records,
        ImmutableArray<CollectionProblem>.Builder problems)
    {
        var drafts = new List<(int Line, List<(string Tag, string Value)> Fields, string Title, string? Key)>();
        var explicitKeys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (line, fields) in records)
        {
            var title = First(fields, "TI", "T1", "CT", "BT");
            var key = First(fields, "ID");
            if (title is null)
            {
                problems.Add(new CollectionProblem(filePath, line, 1, CollectionProblemCodes.MissingTitle,
                    "Record without a title (TI or T1) is skipped."));
                continue;
            }

            if (key is not null && !explicitKeys.Add(key))
            {
                problems.Add(new CollectionProblem(filePath, line, 1, CollectionProblemCodes.DuplicateKey,
                    $"Duplicate ID '{key}': the first record with it is kept, this one is skipped."));
                continue;
            }

            drafts.Add((line, fields, title, key));
        }

        var keys = new KeyGenerator(explicitKeys);
        var papers = ImmutableArray.CreateBuilder<Paper>(drafts.Count);
        foreach (var (line, fields, title, key) in drafts)
        {
            var year = BibTexLoader.Year(First(fields, "PY", "Y1", "DA", "Y2"));
            var url = First(fields, "UR", "L2");
            var doi = BibTexLoader.Doi(First(fields, "DO"));
            var venue = First(fields, "T2", "JO", "JF", "JA", "J2");
            if (venue is null && First(fields, "TI", "T1") is not null)
            {
                venue = First(fields, "BT");
            }

            papers.Add(new Paper
            {
                Key = key ?? keys.Generate(title, year),
                KeyIsGenerated = key is null,
                Title = title,
                Authors = fields.Where(f => f.Tag is "AU" or "A1").Select(f => DisplayName(f.Value)).Where(n => n.Length > 0)
                    .ToImmutableArray(),
                Year = year,
                Venue = venue,
                Abstract = PaperAbstract.FromText(First(fields, "AB", "N2")),
                Doi = doi,
                Url = url,
                ArxivId = ArxivIdReader.FromText(url) ?? ArxivIdReader.FromText(doi)
                    ?? fields.Select(f => ArxivIdReader.FromText(f.Value)).FirstOrDefault(id => id is not null),
                EntryType = First(fields, "TY")?.ToLowerInvariant(),
                Source = new SourceLocation(filePath, line),
            });
        }

        return new CollectionLoadResult(filePath, papers.ToImmutable(), problems.ToImmutable());
    }

    /// <summary>"TI  - Title", tolerating one or more blanks before the dash and no blank (or no value) after it.</summary>
    private static bool TryReadTag(string line, out string tag, out string value)
    {
        tag = string.Empty;
        value = string.Empty;
        if (line.Length < 3 || !char.IsAsciiLetterUpper(line[0]) || !(char.IsAsciiLetterUpper(line[1]) || char.IsAsciiDigit(line[1])))
        {
            return false;
        }

        var i = 2;
        while (i < line.Length && line[i] == ' ')
        {
            i++;
        }

        if (i == 2 || i >= line.Length || line[i] != '-')
        {
            return false;
        }

        tag = line[..2];
        value = line[(i + 1)..].Trim();
        return true;
    }

    private static string? First(List<(string Tag, string Value)> fields, params string[] tags)
    {
        foreach (var tag in tags)
        {
            foreach (var field in fields)
            {
                if (field.Tag == tag && field.Value.Length > 0)
                {
                    return field.Value;
                }
            }
        }

        return null;
    }

    /// <summary>"Last, First[, Suffix]" → "First Last[, Suffix]"; anything else as written.</summary>
    private static string DisplayName(string name)
    {
        var parts = name.Split(',', StringSplitOptions.TrimEntries);
        return parts.Length switch
        {
            2 when parts[1].Length > 0 => $"{parts[1]} {parts[0]}",
            3 when parts[1].Length > 0 => $"{parts[1]} {parts[0]}, {parts[2]}",
            _ => name.Trim().TrimEnd(','),
        };
    }

    private static CollectionProblem Malformed(string filePath, int line, string message) =>
        new(filePath, line, 1, CollectionProblemCodes.MalformedEntry, message);
}
