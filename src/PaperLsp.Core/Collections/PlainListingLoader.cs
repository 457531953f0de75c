using System.Buffers;
using System.Collections.Immutable;
using System.IO.Hashing;
using System.Text;
using System.Text.Unicode;

namespace PaperLsp.Core.Collections;

/// <summary>
/// Reads a plain listing of papers (.txt): lines alternating title and abstract, as in a saved paper-listing page.
/// Heuristics, in order:
/// <list type="number">
/// <item>Blank lines are skipped (they separate nothing; a paper is always a title line and the next text line).</item>
/// <item>Before the first paper, lines that are the page's own ("Get trending papers…") are skipped.</item>
/// <item>The page's button text "Subscribe" glued to the first title ("SubscribeMulti-task …") is removed when it is
///   followed directly by a capital letter or digit.</item>
/// <item>Every other line is a title and the line after it that title's abstract; a last title without a following
///   line is a paper without abstract.</item>
/// </list>
/// Listings have no keys or years: keys are generated from the titles (<see cref="KeyGenerator"/>).
/// A listing file is read in blocks of bytes, never as one string, and its abstracts stay in the file
/// (<see cref="ListingFileAbstract"/>): they are nearly all of its bytes and are shown one at a time.
/// </summary>
public static class PlainListingLoader
{
    private const string Subscribe = "Subscribe";
    private const int BlockSize = 1 << 20;

    /// <summary>
    /// The papers of the listing file read from <paramref name="stream"/> (the file <paramref name="version"/> names): the
    /// same papers as <see cref="Load(string, string)"/> of its text, with abstracts left in the file. Invalid UTF-8 is
    /// read as U+FFFD and reported once, at the first invalid byte, like the other formats.
    /// </summary>
    public static CollectionLoadResult Load(string filePath, Stream stream, CollectionFileVersion version) =>
        Load(filePath, stream, version, BlockSize);

    /// <summary><see cref="Load(string, Stream, CollectionFileVersion)"/> with another first buffer size (tests: lines across blocks).</summary>
    internal static CollectionLoadResult Load(string filePath, Stream stream, CollectionFileVersion version, int blockSize)
    {
        var titles = new List<(int Line, string Text)>();
        var abstracts = new List<PaperAbstract?>();
        (int Line, int Column)? invalidAt = null;
        var lineNumber = 0;
        var buffer = new byte[Math.Max(1, blockSize)];
        long bufferOffset = 0;
        int start = 0, end = 0;
        var endOfFile = false;
        while (true)
        {
            var newline = buffer.AsSpan(start, end - start).IndexOf((byte)'\n');
            if (newline < 0 && !endOfFile)
            {
                // Keep the partial line, make room (a line longer than the buffer doubles it), read on.
                buffer.AsSpan(start, end - start).CopyTo(buffer);
                bufferOffset += start;
                end -= start;
                start = 0;
                if (end == buffer.Length)
                {
                    Array.Resize(ref buffer, buffer.Length * 2);
                }

                var read = stream.Read(buffer, end, buffer.Length - end);
                endOfFile = read == 0;
                end += read;
                continue;
            }

            var length = newline < 0 ? end - start : newline;
            var line = buffer.AsSpan(start, length);
            var offset = bufferOffset + start;
            if (offset == 0 && line.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
            {
                line = line[3..];
                offset = 3;
            }

            lineNumber++;
            if (invalidAt is null && !Utf8.IsValid(line))
            {
                invalidAt = (lineNumber, ColumnOfFirstInvalidByte(line));
            }

            ReadLine(line, offset, lineNumber, titles, abstracts, version);
            if (newline < 0)
            {
                break;
            }

            start += newline + 1;
        }

        var result = Build(filePath, titles, abstracts);
        return invalidAt is not { } at ? result : result with
        {
            Problems = [new CollectionProblem(filePath, at.Line, at.Column, CollectionProblemCodes.UnreadableFile,
                "The file is not valid UTF-8; invalid bytes were replaced with U+FFFD (first one here).")],
        };
    }

    /// <summary>What a listing line's bytes read as: UTF-8 (invalid bytes as U+FFFD), trimmed of white space and BOMs.</summary>
    internal static string LineText(ReadOnlySpan<byte> line) => Encoding.UTF8.GetString(line).Trim().Trim('\uFEFF');

    private static void ReadLine(
        ReadOnlySpan<byte> line, long offset, int lineNumber, List<(int Line, string Text)> titles, List<PaperAbstract?> abstracts,
        CollectionFileVersion version)
    {
        if (titles.Count > abstracts.Count)
        {
            // An abstract's line: only whether it is blank is decided now (any printable ASCII byte says it is not).
            if (line.IndexOfAnyInRange((byte)0x21, (byte)0x7E) < 0 && LineText(line).Length == 0)
            {
                return;
            }

            abstracts.Add(new ListingFileAbstract(version, offset, line.Length, XxHash3.HashToUInt64(line)));
            return;
        }

        if (TitleLine(LineText(line), titles.Count == 0) is { } title)
        {
            titles.Add((lineNumber, title));
        }
    }

    private static int ColumnOfFirstInvalidByte(ReadOnlySpan<byte> line)
    {
        var chars = ArrayPool<char>.Shared.Rent(line.Length);
        try
        {
            Utf8.ToUtf16(line, chars, out _, out var charsBeforeInvalid, replaceInvalidSequences: false);
            return charsBeforeInvalid + 1;
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    /// <summary>The papers of a listing given as text (abstracts held as text).</summary>
    public static CollectionLoadResult Load(string filePath, string text)
    {
        var titles = new List<(int Line, string Text)>();
        var abstracts = new List<PaperAbstract?>();
        var lineNumber = 0;
        foreach (var rawLine in (text ?? string.Empty).Split('\n'))
        {
            lineNumber++;
            var line = rawLine.Trim().Trim('\uFEFF');
            if (titles.Count > abstracts.Count)
            {
                if (line.Length > 0)
                {
                    abstracts.Add(PaperAbstract.FromText(line));
                }
            }
            else if (TitleLine(line, titles.Count == 0) is { } title)
            {
                titles.Add((lineNumber, title));
            }
        }

        return Build(filePath, titles, abstracts);
    }

    /// <summary>A trimmed line in a title's place as a title: null for a blank line or, before the first paper, the page's own.</summary>
    private static string? TitleLine(string line, bool first)
    {
        if (line.Length == 0 || (first && IsPageLine(line)))
        {
            return null;
        }

        return first && line.Length > Subscribe.Length && line.StartsWith(Subscribe, StringComparison.Ordinal)
            && (char.IsUpper(line[Subscribe.Length]) || char.IsDigit(line[Subscribe.Length]))
            ? line[Subscribe.Length..]
            : line;
    }

    private static CollectionLoadResult Build(string filePath, List<(int Line, string Text)> titles, List<PaperAbstract?> abstracts)
    {
        var keys = new KeyGenerator();
        var papers = ImmutableArray.CreateBuilder<Paper>(titles.Count);
        for (var i = 0; i < titles.Count; i++)
        {
            var (line, title) = titles[i];
            papers.Add(new Paper
            {
                Key = keys.Generate(title),
                KeyIsGenerated = true,
                Title = title,
                Abstract = i < abstracts.Count ? abstracts[i] : null,
                Source = new SourceLocation(filePath, line),
            });
        }

        return new CollectionLoadResult(filePath, papers.MoveToImmutable(), ImmutableArray<CollectionProblem>.Empty);
    }

    private static bool IsPageLine(string line) =>
        line.StartsWith("Get trending papers", StringComparison.OrdinalIgnoreCase);
}
