using System.Collections.Immutable;
using System.Text;
using Sprache;

namespace PaperLsp.Core.Collections;

/// <summary>
/// Reads BibTeX/BibLaTeX into entries: <see cref="BibTexChunkReader"/> streams the file's <c>@</c> blocks (each decoded
/// on its own), <see cref="BibTexBlockReader"/> or else <see cref="BibTexGrammar"/> (Sprache) parses each block, and <c>@string</c> macros are resolved in file
/// order from a dictionary (case-insensitive, as in BibTeX). A block that does not parse is skipped with PN010 at its
/// line and the next block is read as usual. Never throws.
/// </summary>
public static class BibTexParser
{
    private static readonly (string Name, string Value)[] MonthMacros =
    [
        ("jan", "January"), ("feb", "February"), ("mar", "March"), ("apr", "April"), ("may", "May"), ("jun", "June"),
        ("jul", "July"), ("aug", "August"), ("sep", "September"), ("oct", "October"), ("nov", "November"),
        ("dec", "December"),
    ];

    /// <param name="initialMacros">Macros defined before this file (another file's <see cref="BibTexDocument.Macros"/>,
    /// as with <c>\bibliography{abbrev,crypto}</c>); the month macros are always defined.</param>
    public static BibTexDocument Parse(string filePath, string text, IReadOnlyDictionary<string, string>? initialMacros = null) =>
        Parse(filePath, BibTexChunkReader.FromText(text), initialMacros, file: null);

    /// <param name="file">The version of the file <paramref name="reader"/> reads: abstracts written as one literal then
    /// stay in the file (<see cref="BibTexDocument.FileAbstracts"/>); null for a text that is not a file.</param>
    internal static BibTexDocument Parse(string filePath, BibTexChunkReader reader, IReadOnlyDictionary<string, string>? initialMacros, CollectionFileVersion? file)
    {
        var macros = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in MonthMacros)
        {
            macros[name] = value;
        }

        foreach (var (name, value) in initialMacros ?? new Dictionary<string, string>())
        {
            macros[name] = value;
        }

        var entries = ImmutableArray.CreateBuilder<BibTexEntry>();
        var problems = ImmutableArray.CreateBuilder<CollectionProblem>();
        var fileAbstracts = file is null ? null : new Dictionary<string, BibTexFileAbstract>(ReferenceEqualityComparer.Instance);
        foreach (var chunk in reader.ReadChunks())
        {
            switch (chunk.Kind)
            {
                case BibTexChunkKind.Broken:
                    problems.Add(Problem(filePath, chunk.Line, chunk.Column, CollectionProblemCodes.MalformedEntry,
                        $"Malformed entry skipped: {chunk.Problem}.", ProblemSeverity.Error));
                    break;
                case BibTexChunkKind.String:
                    if (ParseBlock(BibTexGrammar.StringDefinition, filePath, chunk, problems) is { } definition)
                    {
                        foreach (var field in definition.Fields)
                        {
                            macros[field.Name] = Resolve(field, macros, filePath, problems);
                        }
                    }

                    break;
                case BibTexChunkKind.Entry:
                    if (ParseBlock(BibTexGrammar.Entry, filePath, chunk, problems) is { } raw)
                    {
                        var fields = new Dictionary<string, string>(raw.Fields.Count, StringComparer.OrdinalIgnoreCase);
                        foreach (var field in raw.Fields)
                        {
                            if (fields.ContainsKey(field.Name))
                            {
                                Resolve(field, macros, filePath, problems); // for its undefined-macro problems
                                continue;
                            }

                            var value = Resolve(field, macros, filePath, problems);
                            if (fileAbstracts is not null && chunk.IsValidUtf8
                                && field.Parts is [{ Kind: BibTexValuePartKind.Literal } part]
                                && field.Name.Equals("abstract", StringComparison.OrdinalIgnoreCase)
                                && !string.IsNullOrWhiteSpace(value))
                            {
                                // The text stays in the file; the entry holds a one-character stand-in that keys the reference
                                // (crossref children inherit the same instance).
                                var standIn = new string('\u2026', 1);
                                fileAbstracts[standIn] = new BibTexFileAbstract(
                                    file!,
                                    chunk.ByteOffset + Encoding.UTF8.GetByteCount(chunk.Text.AsSpan(0, part.Start)),
                                    Encoding.UTF8.GetByteCount(value),
                                    BibTexFileAbstract.ChecksumOf(value));
                                value = standIn;
                            }

                            fields.Add(field.Name, value);
                        }

                        entries.Add(new BibTexEntry(raw.Type, raw.Key, chunk.Line, fields));
                    }

                    break;
            }
        }

        if (reader.FirstInvalidUtf8 is { } invalid)
        {
            problems.Insert(0, Problem(filePath, invalid.Line, invalid.Column, CollectionProblemCodes.UnreadableFile,
                "The file is not valid UTF-8; invalid bytes were replaced with U+FFFD (first one here)."));
        }

        return new BibTexDocument(filePath, entries.ToImmutable(), macros, problems.ToImmutable()) { FileAbstracts = fileAbstracts };
    }

    private static BibTexRawEntry? ParseBlock(
        Parser<BibTexRawEntry> grammar,
        string filePath,
        BibTexSourceChunk source,
        ImmutableArray<CollectionProblem>.Builder problems)
    {
        var text = source.Text ?? string.Empty;
        var chunk = new BibTexChunk(source.Kind, source.Type, 0, text.Length, source.Line, source.Column);
        if (BibTexBlockReader.TryRead(text, chunk, isStringDefinition: ReferenceEquals(grammar, BibTexGrammar.StringDefinition)) is { } fast)
        {
            return fast;
        }

        var result = grammar(new BibTexInput(text, chunk.Start, chunk.Line, chunk.Column));
        if (result.WasSuccessful)
        {
            return result.Value;
        }

        var at = result.Remainder;
        var found = at.AtEnd ? "end of file" : $"'{at.Current}'";
        var expected = string.Join(" or ", result.Expectations.Distinct());
        problems.Add(Problem(filePath, chunk.Line, chunk.Column, CollectionProblemCodes.MalformedEntry,
            $"Malformed @{chunk.Type} skipped: unexpected {found} at line {at.Line}, column {at.Column}" +
            (expected.Length > 0 ? $"; expected {expected}." : "."),
            ProblemSeverity.Error));
        return null;
    }

    private static string Resolve(
        BibTexRawField field,
        Dictionary<string, string> macros,
        string filePath,
        ImmutableArray<CollectionProblem>.Builder problems)
    {
        if (field.Parts.Count == 1 && field.Parts[0].Kind == BibTexValuePartKind.Literal)
        {
            return field.Parts[0].Text;
        }

        var builder = new StringBuilder();
        foreach (var part in field.Parts)
        {
            if (part.Kind == BibTexValuePartKind.Literal)
            {
                builder.Append(part.Text);
            }
            else if (macros.TryGetValue(part.Text, out var value))
            {
                builder.Append(value);
            }
            else
            {
                problems.Add(Problem(filePath, part.Line, part.Column, CollectionProblemCodes.UndefinedMacro,
                    $"Undefined @string macro '{part.Text}' in field '{field.Name}'; its name is used as the value."));
                builder.Append(part.Text);
            }
        }

        return builder.ToString();
    }

    private static CollectionProblem Problem(
        string filePath, int line, int column, string code, string message,
        ProblemSeverity severity = ProblemSeverity.Warning) =>
        new(filePath, line, column, code, message, severity);
}
