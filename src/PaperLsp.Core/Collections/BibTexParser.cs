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

    /// <summary>Blocks parsed per task: large enough that scheduling is noise, small enough to keep both cores busy.</summary>
    private const int BatchSize = 512;

    /// <param name="file">The version of the file <paramref name="reader"/> reads: abstracts written as one literal then
    /// stay in the file (<see cref="BibTexDocument.FileAbstracts"/>); null for a text that is not a file.</param>
    /// <param name="parallel">Whether blocks are parsed on other threads while the reader goes on (the result is the same).</param>
    /// <param name="keepFields">The fields entries keep (the loader's); null keeps all. Others still report their problems.</param>
    /// <param name="onEntry">Given: each entry goes to it as soon as its macros are resolved, in file order on this thread,
    /// with the abstract it left in the file (its stand-in is its abstract field), instead of into the document (whose
    /// <see cref="BibTexDocument.Entries"/> and <see cref="BibTexDocument.FileAbstracts"/> are then empty).</param>
    internal static BibTexDocument Parse(
        string filePath, BibTexChunkReader reader, IReadOnlyDictionary<string, string>? initialMacros, CollectionFileVersion? file,
        bool parallel = true, IReadOnlySet<string>? keepFields = null, Action<BibTexEntry, BibTexFileAbstract?>? onEntry = null)
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

        // Field names and entry types repeat in every entry: one string each for the whole file.
        var pool = new Dictionary<string, string>(StringComparer.Ordinal);
        string Pooled(string name)
        {
            ref var pooled = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(pool, name, out _);
            return pooled ??= name;
        }

        // Blocks parse independently, so batches of them parse on the thread pool while this thread reads on; macros
        // are then resolved here, batch after batch, in file order (a macro applies to the blocks after its @string).
        void Apply(BibTexParsedBlock[] batch)
        {
            foreach (var (chunk, raw, problem) in batch)
            {
                if (problem is not null)
                {
                    problems.Add(problem);
                }

                if (raw is null)
                {
                    continue;
                }

                if (chunk.Kind == BibTexChunkKind.String)
                {
                    foreach (var field in raw.Fields)
                    {
                        macros[field.Name] = Resolve(field, macros, filePath, problems);
                    }

                    continue;
                }

                var pairs = new string[2 * raw.Fields.Count];
                var length = 0;
                BibTexFileAbstract? fileAbstract = null;
                foreach (var field in raw.Fields)
                {
                    if (keepFields is not null && !keepFields.Contains(field.Name))
                    {
                        if (field.Parts is not [{ Kind: BibTexValuePartKind.Literal }])
                        {
                            Resolve(field, macros, filePath, problems); // for its undefined-macro problems
                        }

                        continue;
                    }

                    if (BibTexFields.IndexOf(pairs, length, field.Name) >= 0)
                    {
                        Resolve(field, macros, filePath, problems); // resolved all the same, for its undefined-macro problems
                        continue;
                    }

                    string value;
                    if (fileAbstracts is not null && chunk.IsValidUtf8
                        && field.Parts is [{ Kind: BibTexValuePartKind.Literal } part]
                        && field.Name.Equals("abstract", StringComparison.OrdinalIgnoreCase)
                        && !part.Span.IsWhiteSpace())
                    {
                        // The text stays in the file (it is never even cut out of the block); the entry holds a
                        // one-character stand-in that keys the reference (crossref children inherit the same instance).
                        value = new string('\u2026', 1);
                        fileAbstract = new BibTexFileAbstract(
                            file!,
                            chunk.ByteOffset + Encoding.UTF8.GetByteCount(part.Source.AsSpan(0, part.Start)),
                            Encoding.UTF8.GetByteCount(part.Span),
                            BibTexFileAbstract.ChecksumOf(part.Span));
                        if (onEntry is null)
                        {
                            fileAbstracts[value] = fileAbstract;
                        }
                    }
                    else
                    {
                        value = Resolve(field, macros, filePath, problems);
                    }

                    pairs[length++] = Pooled(field.Name);
                    pairs[length++] = value;
                }

                if (length < pairs.Length)
                {
                    Array.Resize(ref pairs, length);
                }

                var entry = new BibTexEntry(Pooled(raw.Type), raw.Key, chunk.Line, new BibTexFields(pairs));
                if (onEntry is null)
                {
                    entries.Add(entry);
                }
                else
                {
                    onEntry(entry, fileAbstract);
                }
            }
        }

        var inFlight = new Queue<Task<BibTexParsedBlock[]>>();
        var maxInFlight = parallel ? 2 * Environment.ProcessorCount : 0;
        var batch = new List<BibTexSourceChunk>(BatchSize);
        void Dispatch()
        {
            var chunks = batch.ToArray();
            batch.Clear();
            if (maxInFlight == 0)
            {
                Apply(ParseBatch(filePath, chunks));
                return;
            }

            inFlight.Enqueue(Task.Run(() => ParseBatch(filePath, chunks)));
            while (inFlight.Count > maxInFlight)
            {
                Apply(inFlight.Dequeue().GetAwaiter().GetResult());
            }
        }

        foreach (var chunk in reader.ReadChunks())
        {
            batch.Add(chunk);
            if (batch.Count == BatchSize)
            {
                Dispatch();
            }
        }

        Dispatch();
        while (inFlight.Count > 0)
        {
            Apply(inFlight.Dequeue().GetAwaiter().GetResult());
        }

        if (reader.FirstInvalidUtf8 is { } invalid)
        {
            problems.Insert(0, Problem(filePath, invalid.Line, invalid.Column, CollectionProblemCodes.UnreadableFile,
                "The file is not valid UTF-8; invalid bytes were replaced with U+FFFD (first one here)."));
        }

        return new BibTexDocument(filePath, entries.ToImmutable(), macros, problems.ToImmutable()) { FileAbstracts = fileAbstracts };
    }

    /// <summary>Each block of the batch as written (macros not yet resolved), or the problem that skips it.</summary>
    private static BibTexParsedBlock[] ParseBatch(string filePath, BibTexSourceChunk[] chunks)
    {
        var parsed = new BibTexParsedBlock[chunks.Length];
        for (var i = 0; i < chunks.Length; i++)
        {
            var chunk = chunks[i];
            parsed[i] = chunk.Kind switch
            {
                BibTexChunkKind.Broken => new BibTexParsedBlock(chunk, null, Problem(filePath, chunk.Line, chunk.Column,
                    CollectionProblemCodes.MalformedEntry, $"Malformed entry skipped: {chunk.Problem}.", ProblemSeverity.Error)),
                BibTexChunkKind.String => ParseBlock(BibTexGrammar.StringDefinition, filePath, chunk),
                BibTexChunkKind.Entry => ParseBlock(BibTexGrammar.Entry, filePath, chunk),
                _ => new BibTexParsedBlock(chunk, null, null),
            };
        }

        return parsed;
    }

    private static BibTexParsedBlock ParseBlock(Parser<BibTexRawEntry> grammar, string filePath, BibTexSourceChunk source)
    {
        var text = source.Text ?? string.Empty;
        var chunk = new BibTexChunk(source.Kind, source.Type, 0, text.Length, source.Line, source.Column);
        if (BibTexBlockReader.TryRead(text, chunk, isStringDefinition: ReferenceEquals(grammar, BibTexGrammar.StringDefinition)) is { } fast)
        {
            return new BibTexParsedBlock(source, fast, null);
        }

        var result = grammar(new BibTexInput(text, chunk.Start, chunk.Line, chunk.Column));
        if (result.WasSuccessful)
        {
            return new BibTexParsedBlock(source, result.Value, null);
        }

        var at = result.Remainder;
        var found = at.AtEnd ? "end of file" : $"'{at.Current}'";
        var expected = string.Join(" or ", result.Expectations.Distinct());
        return new BibTexParsedBlock(source, null, Problem(filePath, chunk.Line, chunk.Column, CollectionProblemCodes.MalformedEntry,
            $"Malformed @{chunk.Type} skipped: unexpected {found} at line {at.Line}, column {at.Column}" +
            (expected.Length > 0 ? $"; expected {expected}." : "."),
            ProblemSeverity.Error));
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

        // A lone macro (journal = pieee) shares the macro's string: thousands of entries name the same venue.
        var lookup = macros.GetAlternateLookup<ReadOnlySpan<char>>();
        if (field.Parts.Count == 1 && lookup.TryGetValue(field.Parts[0].Span, out var macroValue))
        {
            return macroValue;
        }

        var builder = new StringBuilder();
        foreach (var part in field.Parts)
        {
            if (part.Kind == BibTexValuePartKind.Literal)
            {
                builder.Append(part.Span);
            }
            else if (lookup.TryGetValue(part.Span, out var value))
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
