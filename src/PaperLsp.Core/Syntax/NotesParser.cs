using System.Buffers;
using System.Collections.Immutable;
using PaperLsp.Core.Text;

namespace PaperLsp.Core.Syntax;

/// <summary>
/// Parses a notes file (FORMAT.md, "Lines" and "References") into a <see cref="NotesSyntaxTree"/>. Never throws; every problem
/// is a <see cref="SyntaxError"/> with a span. The file is read line by line (a line ends at LF, CR LF or a lone CR): the start
/// of each line is matched with the Sprache grammar of <see cref="NotesGrammar"/>, and references inside headings, prose and
/// <c>related:</c> values are found by a linear scan for <c>[</c>, <c>@</c> and <c>\</c> that runs the reference grammar only
/// where a reference certainly starts — so the time is linear in the text's length, however long a line is.
/// </summary>
/// <remarks>
/// Choices where FORMAT.md is silent: a final line break does not start an empty last line (an empty text has no blocks);
/// a heading's marks may be followed by a tab as well as a space, and <c>@paper</c> by a tab or the end of the line; text after
/// the reference of an <c>@paper</c> header is free commentary (no error, no references); a <c>%</c> comment line ends an
/// entry's fields like any other non-field line.
/// </remarks>
public static class NotesParser
{
    private static readonly SearchValues<char> ReferenceStarts = SearchValues.Create("[@\\");

    public static NotesSyntaxTree Parse(SourceText text)
    {
        var blocks = ImmutableArray.CreateBuilder<NotesBlockSyntax>();
        var errors = ImmutableArray.CreateBuilder<SyntaxError>();
        ParseBlocks(text, 0, blocks, errors, stopAt: null);
        return new NotesSyntaxTree(text, blocks.ToImmutable(), errors.ToImmutable());
    }

    /// <summary>
    /// The parse of <paramref name="text"/>, equal to <see cref="Parse"/>'s, reusing <paramref name="previous"/> (the parse of
    /// an earlier version): only the blocks between the first and the last changed character are parsed again; the blocks
    /// before are kept, those after are moved. Parsing from a block's first line depends on nothing before it, so once the
    /// new parse starts a block where the old one did, inside the unchanged end of the text, the rest is the old rest.
    /// </summary>
    public static NotesSyntaxTree Reparse(NotesSyntaxTree previous, SourceText text)
    {
        var before = previous.Text.Text;
        var after = text.Text;
        var prefix = before.AsSpan().CommonPrefixLength(after);
        if (prefix == before.Length && prefix == after.Length)
        {
            return previous with { Text = text };
        }

        var limit = Math.Min(before.Length, after.Length) - prefix;
        var suffix = 0;
        while (suffix < limit && before[before.Length - 1 - suffix] == after[after.Length - 1 - suffix])
        {
            suffix++;
        }

        var delta = after.Length - before.Length;
        var old = previous.Blocks;

        // The first block the change can reach (its line break included, at most two characters), and one before it: an
        // entry ends at the first line that is not a field, so the change may have made that line a field of it.
        var reached = FirstBlockEndingAtOrAfter(old, prefix - 2);
        var restart = Math.Max(0, reached - 1);
        var restartOffset = restart == 0 ? 0 : old[restart].Span.Start;

        var blocks = ImmutableArray.CreateBuilder<NotesBlockSyntax>(old.Length + 16);
        var errors = ImmutableArray.CreateBuilder<SyntaxError>(previous.Errors.Length + 4);
        for (var i = 0; i < restart; i++)
        {
            blocks.Add(old[i]);
        }

        foreach (var error in previous.Errors)
        {
            if (error.Span.Start >= restartOffset)
            {
                break;
            }

            errors.Add(error);
        }

        var unchangedFrom = after.Length - suffix;
        var resumed = -1;
        ParseBlocks(text, text.Lines.LineOf(restartOffset), blocks, errors, offset =>
        {
            if (offset < unchangedFrom)
            {
                return false;
            }

            resumed = FirstBlockStartingAt(old, offset - delta);
            return resumed >= 0;
        });

        if (resumed >= 0)
        {
            var oldOffset = old[resumed].Span.Start;
            for (var i = resumed; i < old.Length; i++)
            {
                blocks.Add(delta == 0 ? old[i] : old[i].ShiftedBy(delta));
            }

            foreach (var error in previous.Errors)
            {
                if (error.Span.Start >= oldOffset)
                {
                    errors.Add(delta == 0 ? error : error.ShiftedBy(delta));
                }
            }
        }

        return new NotesSyntaxTree(text, blocks.DrainToImmutable(), errors.DrainToImmutable());
    }

    /// <summary>
    /// Parses the blocks from <paramref name="line"/> on. At each line where a block starts, <paramref name="stopAt"/> (given
    /// the line's offset) may end the parse there.
    /// </summary>
    private static void ParseBlocks(
        SourceText text,
        int line,
        ImmutableArray<NotesBlockSyntax>.Builder blocks,
        ImmutableArray<SyntaxError>.Builder errors,
        Func<int, bool>? stopAt)
    {
        var source = text.Text;
        var lines = text.Lines;
        var lineCount = lines.LineCount;
        if (lines.LineSpan(lineCount - 1).Length == 0 && lines.LineStart(lineCount - 1) == source.Length)
        {
            // The "line" after the final line break (or the only line of an empty text) is no line.
            lineCount--;
        }

        var first = true;
        while (line < lineCount)
        {
            var span = lines.LineSpan(line);
            if (!first && stopAt is not null && stopAt(span.Start))
            {
                return;
            }

            first = false;
            var input = new LineInput(source, span.Start, span.End);
            var firstChar = FirstNonBlank(source, span);
            var header = firstChar == '@' ? NotesGrammar.EntryHeaderStart(input) : null;
            if (header is { WasSuccessful: true })
            {
                line = ParseEntry(lines, lineCount, line, header.Value, (LineInput)header.Remainder, blocks, errors);
            }
            else
            {
                blocks.Add(ParseLine(span, input, firstChar, errors));
                line++;
            }
        }
    }

    /// <summary>The index of the first block whose span ends at or after the offset (the block count when none does).</summary>
    private static int FirstBlockEndingAtOrAfter(ImmutableArray<NotesBlockSyntax> blocks, int offset)
    {
        int low = 0, high = blocks.Length;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (blocks[middle].Span.End >= offset)
            {
                high = middle;
            }
            else
            {
                low = middle + 1;
            }
        }

        return low;
    }

    /// <summary>The index of the block that starts exactly at the offset, or -1.</summary>
    private static int FirstBlockStartingAt(ImmutableArray<NotesBlockSyntax> blocks, int offset)
    {
        int low = 0, high = blocks.Length - 1;
        while (low <= high)
        {
            var middle = (low + high) >>> 1;
            var start = blocks[middle].Span.Start;
            if (start == offset)
            {
                return middle;
            }

            if (start < offset)
            {
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        return -1;
    }

    /// <summary>Parses an <c>@paper</c> header and the field lines right below it; returns the line after the entry.</summary>
    private static int ParseEntry(
        LineIndex lines,
        int lineCount,
        int headerLine,
        TextSpan mark,
        LineInput afterMark,
        ImmutableArray<NotesBlockSyntax>.Builder blocks,
        ImmutableArray<SyntaxError>.Builder errors)
    {
        var source = afterMark.Source;
        var headerSpan = lines.LineSpan(headerLine);
        ReferenceSyntax? target = null;
        var parsedTarget = NotesGrammar.EntryTarget(afterMark);
        if (parsedTarget.WasSuccessful)
        {
            target = parsedTarget.Value.Reference;
            AddError(errors, parsedTarget.Value.Error);
        }
        else
        {
            var end = TrimEnd(source, mark.End, headerSpan.End);
            errors.Add(new SyntaxError(
                TextSpan.FromBounds(mark.Start, end),
                NotesSyntaxErrorCodes.EntryWithoutTarget,
                NotesGrammar.EntryWithoutTargetMessage));
        }

        var fields = ImmutableArray.CreateBuilder<FieldSyntax>();
        var entryEnd = headerSpan.End;
        var line = headerLine + 1;
        for (; line < lineCount; line++)
        {
            var span = lines.LineSpan(line);
            var field = NotesGrammar.FieldStart(new LineInput(source, span.Start, span.End));
            if (!field.WasSuccessful)
            {
                break;
            }

            fields.Add(ParseField(source, span, field.Value, field.Remainder.Position, errors));
            entryEnd = span.End;
        }

        blocks.Add(new EntrySyntax(TextSpan.FromBounds(headerSpan.Start, entryEnd), headerSpan, target, fields.ToImmutable()));
        return line;
    }

    private static FieldSyntax ParseField(
        string source,
        TextSpan lineSpan,
        TextSpan nameSpan,
        int valueStart,
        ImmutableArray<SyntaxError>.Builder errors)
    {
        var name = source.Substring(nameSpan.Start, nameSpan.Length).ToLowerInvariant();
        var start = TrimStart(source, valueStart, lineSpan.End);
        var end = TrimEnd(source, start, lineSpan.End);
        var valueSpan = start == end ? new TextSpan(lineSpan.End, 0) : TextSpan.FromBounds(start, end);
        var references = name == "related"
            ? ScanReferences(source, valueStart, lineSpan.Start, lineSpan.End, errors)
            : ImmutableArray<ReferenceSyntax>.Empty;
        return new FieldSyntax(lineSpan, nameSpan, name, valueSpan, source.Substring(valueSpan.Start, valueSpan.Length), references);
    }

    /// <summary>A line outside an entry: comment, heading or prose (blank lines are prose too).</summary>
    /// <param name="first">The line's first non-blank character: the grammar's line starts are tried only when it is theirs.</param>
    private static NotesBlockSyntax ParseLine(TextSpan span, LineInput input, char first, ImmutableArray<SyntaxError>.Builder errors)
    {
        var source = input.Source;
        if (first == '%' && NotesGrammar.CommentStart(input).WasSuccessful)
        {
            return new CommentSyntax(span);
        }

        var heading = first == '#' ? NotesGrammar.HeadingStart(input) : null;
        if (heading is { WasSuccessful: true })
        {
            var textStart = heading.Remainder.Position;
            var start = TrimStart(source, textStart, span.End);
            var end = TrimEnd(source, start, span.End);
            var textSpan = start == end ? new TextSpan(span.End, 0) : TextSpan.FromBounds(start, end);
            return new HeadingSyntax(
                span,
                heading.Value,
                textSpan,
                source.Substring(textSpan.Start, textSpan.Length),
                ScanReferences(source, textStart, span.Start, span.End, errors));
        }

        return new ProseSyntax(span, ScanReferences(source, span.Start, span.Start, span.End, errors));
    }

    /// <summary>
    /// The first character of the line that is not white space, or '\0' for a blank line. Every line start of the grammar
    /// (<c>%</c>, <c>#</c>, <c>@paper</c>) is its first non-blank character, and the grammar's blanks are white space, so a
    /// line whose first such character is none of them skips those parsers: most lines are prose, and Sprache allocates.
    /// </summary>
    private static char FirstNonBlank(string source, TextSpan span)
    {
        for (var i = span.Start; i < span.End; i++)
        {
            if (!char.IsWhiteSpace(source[i]))
            {
                return source[i];
            }
        }

        return '\0';
    }

    /// <summary>
    /// Finds the references in [<paramref name="start"/>, <paramref name="lineEnd"/>): <c>[[</c> always starts one; <c>@</c>
    /// starts one when it follows the line's start or a character that is not a letter, digit or <c>_</c> and a key or
    /// <c>{</c> follows it; <c>\[[</c> and <c>\@</c> are literal. Each character is looked at a bounded number of times.
    /// </summary>
    private static ImmutableArray<ReferenceSyntax> ScanReferences(
        string source,
        int start,
        int lineStart,
        int lineEnd,
        ImmutableArray<SyntaxError>.Builder errors)
    {
        ImmutableArray<ReferenceSyntax>.Builder? references = null;
        var i = start;
        while (i < lineEnd)
        {
            var found = source.AsSpan(i, lineEnd - i).IndexOfAny(ReferenceStarts);
            if (found < 0)
            {
                break;
            }

            var j = i + found;
            var next = j + 1 < lineEnd ? source[j + 1] : '\0';
            ParsedReference? parsed = null;
            switch (source[j])
            {
                case '\\' when next == '@':
                    i = j + 2;
                    continue;
                case '\\' when next == '[' && j + 2 < lineEnd && source[j + 2] == '[':
                    i = j + 3;
                    continue;
                case '[' when next == '[':
                    parsed = Run(NotesGrammar.TitleReference, source, j, lineEnd);
                    break;
                case '@' when !NotesGrammar.IsKeyCharBefore(source, j, lineStart) && NotesGrammar.StartsKeyReference(source, j, lineEnd):
                    parsed = Run(NotesGrammar.KeyReference, source, j, lineEnd);
                    break;
            }

            if (parsed is not { } reference)
            {
                i = j + 1;
                continue;
            }

            (references ??= ImmutableArray.CreateBuilder<ReferenceSyntax>()).Add(reference.Reference);
            AddError(errors, reference.Error);
            i = Math.Max(reference.Reference.Span.End, j + 1);
        }

        return references?.ToImmutable() ?? ImmutableArray<ReferenceSyntax>.Empty;
    }

    private static ParsedReference? Run(Sprache.Parser<ParsedReference> parser, string source, int start, int end)
    {
        var result = parser(new LineInput(source, start, end));
        return result.WasSuccessful ? result.Value : null;
    }

    private static void AddError(ImmutableArray<SyntaxError>.Builder errors, SyntaxError? error)
    {
        if (error is not null)
        {
            errors.Add(error);
        }
    }

    private static int TrimStart(string source, int start, int end)
    {
        while (start < end && char.IsWhiteSpace(source[start]))
        {
            start++;
        }

        return start;
    }

    private static int TrimEnd(string source, int start, int end)
    {
        while (end > start && char.IsWhiteSpace(source[end - 1]))
        {
            end--;
        }

        return end;
    }
}
