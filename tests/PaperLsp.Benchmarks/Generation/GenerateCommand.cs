using System.Diagnostics;
using System.Text;

namespace PaperLsp.Benchmarks.Generation;

/// <summary>
/// <c>generate --papers N --format bib|csl|txt|all --out DIR [--seed 42] [--notes LINES]</c>: writes
/// DIR/synthetic-N.bib, DIR/synthetic-N.csl.json, DIR/synthetic-N.txt and (with --notes) DIR/synthetic-N-notes.pnotes.
/// </summary>
public static class GenerateCommand
{
    public static int Run(IReadOnlyList<string> args)
    {
        var options = CommandOptions.Parse(args);
        var count = options.Int("papers", 10_000);
        var seed = options.Int("seed", 42);
        var format = options.String("format", "all");
        var outDir = Path.GetFullPath(options.String("out", "."));
        var notesLines = options.Int("notes", 0);
        Directory.CreateDirectory(outDir);

        var collection = new SyntheticCollection(seed, VenueMacros.Load(VenueMacros.AbbreviationsPath));
        foreach (var path in Write(collection, count, format, outDir))
        {
            Console.WriteLine(path);
        }

        if (notesLines > 0)
        {
            var notesPath = Path.Combine(outDir, $"synthetic-{count}-notes.pnotes");
            File.WriteAllText(notesPath, SyntheticNotes.Generate(collection, count, notesLines, seed));
            Console.WriteLine(notesPath);
        }

        return 0;
    }

    public static IEnumerable<string> Write(SyntheticCollection collection, int count, string format, string outDir)
    {
        var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        foreach (var (name, extension) in new[] { ("bib", ".bib"), ("csl", ".csl.json"), ("txt", ".txt") })
        {
            if (format != "all" && format != name)
            {
                continue;
            }

            var path = Path.Combine(outDir, $"synthetic-{count}{extension}");
            var watch = Stopwatch.StartNew();
            using (var output = new StreamWriter(path, append: false, utf8, bufferSize: 1 << 16))
            {
                var papers = collection.Papers(count);
                switch (name)
                {
                    case "bib": BibTexCollectionWriter.Write(papers, VenueMacros.AbbreviationsPath, output); break;
                    case "csl": CslJsonCollectionWriter.Write(papers, output); break;
                    default: ListingCollectionWriter.Write(papers, output); break;
                }
            }

            Console.Error.WriteLine($"{path}: {new FileInfo(path).Length / 1e6:F1} MB in {watch.Elapsed.TotalSeconds:F1} s");
            yield return path;
        }
    }
}
