using System.Collections.Immutable;
using System.Text;

namespace PaperLsp.Core.Collections;

/// <summary>
/// Loads one collection file with the loader its extension names: .bib (BibTeX/BibLaTeX), .json (CSL-JSON, including
/// .csl.json), .ris, .txt (plain listing). A .bib file and a plain listing are streamed in blocks; the others are read whole. Files are read as UTF-8 (a BOM is accepted; invalid bytes become U+FFFD and
/// one PN015 says so). Never throws: a missing or unreadable file is a PN015 problem and no papers.
/// </summary>
public static class CollectionLoader
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The extensions (lower case, with the dot) that have a loader.</summary>
    public static readonly ImmutableArray<string> SupportedExtensions = [".bib", ".json", ".ris", ".txt"];

    public static bool IsSupported(string path) => SupportedExtensions.Contains(Path.GetExtension(path).ToLowerInvariant());

    public static CollectionLoadResult Load(string path)
    {
        var extension = Path.GetExtension(path);
        if (extension.Equals(".bib", StringComparison.OrdinalIgnoreCase) || extension.Equals(".txt", StringComparison.OrdinalIgnoreCase))
        {
            return LoadStreamed(path);
        }

        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception exception) when (IsReadFailure(exception))
        {
            return Failed(path, $"Cannot read the collection file: {exception.Message}");
        }

        var (text, invalidAt) = DecodeUtf8(bytes);
        var result = LoadText(path, text);
        if (invalidAt is null)
        {
            return result;
        }

        var (line, column) = invalidAt.Value;
        var problem = new CollectionProblem(path, line, column, CollectionProblemCodes.UnreadableFile,
            "The file is not valid UTF-8; invalid bytes were replaced with U+FFFD (first one here).");
        return result with { Problems = result.Problems.Insert(0, problem) };
    }

    /// <summary>A .bib file or a plain listing is streamed (never one string), and its abstracts stay in the file.</summary>
    private static CollectionLoadResult LoadStreamed(string path)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete,
                bufferSize: 1, FileOptions.SequentialScan);
            // Length and time from the handle the bytes are read through: the version abstracts are checked against.
            var version = new CollectionFileVersion(Path.GetFullPath(path), stream.Length, File.GetLastWriteTimeUtc(stream.SafeFileHandle).Ticks);
            return Path.GetExtension(path).Equals(".txt", StringComparison.OrdinalIgnoreCase)
                ? PlainListingLoader.Load(path, stream, version)
                : BibTexLoader.Load(path, new BibTexChunkReader(stream), initialMacros: null, version);
        }
        catch (Exception exception) when (IsReadFailure(exception))
        {
            return Failed(path, $"Cannot read the collection file: {exception.Message}");
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            return Failed(path, $"Internal error while loading the collection: {exception.Message}");
        }
    }

    private static bool IsReadFailure(Exception exception) =>
        exception is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException or System.Security.SecurityException;

    public static CollectionLoadResult LoadText(string path, string content)
    {
        path ??= string.Empty;
        content ??= string.Empty;
        if (content.Length > 0 && content[0] == '\uFEFF')
        {
            content = content[1..];
        }

        try
        {
            return Path.GetExtension(path).ToLowerInvariant() switch
            {
                ".bib" => BibTexLoader.Load(path, content),
                ".json" => CslJsonLoader.Load(path, content),
                ".ris" => RisLoader.Load(path, content),
                ".txt" => PlainListingLoader.Load(path, content),
                var extension => Failed(path,
                    $"No collection loader for '{extension}' files (supported: {string.Join(", ", SupportedExtensions)})."),
            };
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // Loaders do not throw on bad input; should one still fail, the server keeps going with a problem.
            return Failed(path, $"Internal error while loading the collection: {exception.Message}");
        }
    }

    private static CollectionLoadResult Failed(string path, string message) =>
        new(path, ImmutableArray<Paper>.Empty,
            [new CollectionProblem(path, 1, 1, CollectionProblemCodes.UnreadableFile, message, ProblemSeverity.Error)]);

    /// <summary>UTF-8 text (BOM dropped) and, when some bytes were invalid, the 1-based line and column of the first.</summary>
    private static (string Text, (int Line, int Column)? InvalidAt) DecodeUtf8(byte[] bytes)
    {
        var start = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
        try
        {
            return (StrictUtf8.GetString(bytes, start, bytes.Length - start), null);
        }
        catch (DecoderFallbackException exception)
        {
            var invalid = Math.Clamp(exception.Index, 0, bytes.Length - start);
            var text = Encoding.UTF8.GetString(bytes, start, bytes.Length - start);
            var before = Encoding.UTF8.GetString(bytes, start, invalid);
            var line = 1;
            var lineStart = 0;
            for (var i = 0; i < before.Length; i++)
            {
                if (before[i] == '\n')
                {
                    line++;
                    lineStart = i + 1;
                }
            }

            return (text, (line, before.Length - lineStart + 1));
        }
    }
}
