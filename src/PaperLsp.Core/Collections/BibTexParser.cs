using System.Collections.Immutable;
using System.Text;
using Sprache;

namespace PaperLsp.Core.Collections;

/// <summary>
/// Reads BibTeX/BibLaTeX text into entries: a linear <see cref="BibTexScanner"/> pass splits the text into <c>@</c>
/// blocks, <see cref="BibTexGrammar"/> (Sprache) parses each block, and <c>@string</c> macros are resolved in file
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
        Parse(filePath, text, initialMacros, source: null);

    /// <param name="source">The bytes <paramref name="text"/> was decoded from: abstracts written as one literal are then
    /// left in the file (<see cref="BibTexDocument.FileAbstracts"/>).</param>
    internal static BibTexDocument Parse(string filePath, string text, IReadOnlyDictionary<string, string>? initialMacros, BibTexSourceBytes? source)
    {
        text ??= string.Empty;
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
        var fileAbstracts = source is null ? null : new Dictionary<string, BibTexFileAbstract>(ReferenceEqualityComparer.Instance);

        // Byte offsets of character positions (valid UTF-8, so they correspond), counted incrementally: positions are
        // asked in file order, so the text is counted once.
        var countedChars = 0;
        var countedBytes = (long)(source?.TextStart ?? 0);
        long ByteOffset(int charPosition)
        {
            if (charPosition < countedChars)
            {
                countedChars = 0;
                countedBytes = source!.TextStart;
            }

            countedBytes += Encoding.UTF8.GetByteCount(text.AsSpan(countedChars, charPosition - countedChars));
            countedChars = charPosition;
            return countedBytes;
        }
        foreach (var chunk in BibTexScanner.Scan(text))
        {
            switch (chunk.Kind)
            {
                case BibTexChunkKind.Broken:
                    problems.Add(Problem(filePath, chunk.Line, chunk.Column, CollectionProblemCodes.MalformedEntry,
                        $"Malformed entry skipped: {chunk.Problem}.", ProblemSeverity.Error));
                    break;
                case BibTexChunkKind.String:
                    if (ParseBlock(BibTexGrammar.StringDefinition, filePath, text, chunk, problems) is { } definition)
                    {
                        foreach (var field in definition.Fields)
                        {
                            macros[field.Name] = Resolve(field, macros, filePath, problems);
                        }
                    }

                    break;
                case BibTexChunkKind.Entry:
                    if (ParseBlock(BibTexGrammar.Entry, filePath, text, chunk, problems) is { } raw)
                    {
                        var fields = new Dictionary<string, string>(raw.Fields.Count, StringComparer.OrdinalIgnoreCase);
                        foreach (var field in raw.Fields)
                        {
                            var value = Resolve(field, macros, filePath, problems);
                            if (fields.TryAdd(field.Name, value) && fileAbstracts is not null
                                && field.Parts is [{ Kind: BibTexValuePartKind.Literal } part]
                                && field.Name.Equals("abstract", StringComparison.OrdinalIgnoreCase)
                                && !string.IsNullOrWhiteSpace(value))
                            {
                                var offset = ByteOffset(part.Start);
                                var length = ByteOffset(part.Start + part.Text.Length) - offset;
                                var bytes = source!.Bytes.Span.Slice((int)offset, (int)length);
                                fileAbstracts[value] = new BibTexFileAbstract(source.Version, offset, (int)length, System.IO.Hashing.XxHash3.HashToUInt64(bytes));
                            }
                        }

                        entries.Add(new BibTexEntry(raw.Type, raw.Key, chunk.Line, fields));
                    }

                    break;
            }
        }

        return new BibTexDocument(filePath, entries.ToImmutable(), macros, problems.ToImmutable()) { FileAbstracts = fileAbstracts };
    }

    private static BibTexRawEntry? ParseBlock(
        Parser<BibTexRawEntry> grammar,
        string filePath,
        string text,
        BibTexChunk chunk,
        ImmutableArray<CollectionProblem>.Builder problems)
    {
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
