using System.Runtime.CompilerServices;
using PaperLsp.Core.Collections;

namespace PaperLsp.Benchmarks.Measurement;

/// <summary>
/// The bytes an index's papers hold, by part, counted object by object (64-bit layout: a string is 22 + 2 per character
/// rounded up to 8, an array of references 24 + 8 each; a string or array shared by several papers counts once). A heap
/// profile's per-type table cannot say which strings are titles and which are keys.
/// </summary>
public static class PaperBytes
{
    public static IReadOnlyList<(string Part, long Bytes, long Objects)> Of(PaperIndex index)
    {
        var seen = new HashSet<object>(ReferenceEqualityComparer.Instance);
        var parts = new Dictionary<string, (long Bytes, long Objects)>(StringComparer.Ordinal);
        void Add(string part, long bytes)
        {
            var (b, o) = parts.GetValueOrDefault(part);
            parts[part] = (b + bytes, o + 1);
        }

        void String(string part, string? value)
        {
            if (value is not null && seen.Add(value))
            {
                Add(part, Align(22 + 2L * value.Length));
            }
        }

        foreach (var paper in index.Papers)
        {
            Add("Paper objects", Align(16 + Unsafe.SizeOf<PaperLayout>()));
            String("key strings", paper.Key);
            String("title strings", paper.Title);
            var authors = System.Runtime.InteropServices.ImmutableCollectionsMarshal.AsArray(paper.Authors);
            if (authors is { Length: > 0 } && seen.Add(authors))
            {
                Add("author arrays", Align(24 + 8L * authors.Length));
            }

            foreach (var author in paper.Authors)
            {
                String("author strings (pooled)", author);
            }

            String("year strings (pooled)", paper.Year);
            String("venue strings (pooled)", paper.Venue);
            String("doi strings", paper.Doi);
            String("url strings", paper.Url);
            String("arxiv strings", paper.ArxivId);
            String("entry type strings (pooled)", paper.EntryType);
            if (paper.Abstract is { } paperAbstract && seen.Add(paperAbstract))
            {
                Add(paperAbstract is BibTexFileAbstract ? "abstract references (BibTexFileAbstract)" : "abstract texts (InlineAbstract)",
                    paperAbstract is InlineAbstract inline ? 24 + Align(22 + 2L * inline.Text.Length) : 48);
            }
        }

        foreach (var title in index.NormalizedTitles)
        {
            String("normalized titles", title);
        }

        // Dictionary<string, int>: an entry (hash, next, key, value) of 24 bytes and a 4-byte bucket per slot, slots >= count.
        Add("key dictionary (about)", 28L * index.Count);
        Add("title dictionary (about)", 28L * index.Count);
        Add("paper arrays (collection + index)", 2 * (24 + 8L * index.Count));
        return parts.OrderByDescending(p => p.Value.Bytes).Select(p => (p.Key, p.Value.Bytes, p.Value.Objects)).ToArray();
    }

    private static long Align(long bytes) => (bytes + 7) / 8 * 8;

    /// <summary>Paper's fields: 10 references (key, title, authors, year, venue, abstract, doi, url, arxiv, entry type),
    /// two more immutable arrays, the source (path and line) and the flag.</summary>
    private struct PaperLayout
    {
#pragma warning disable CS0169 // layout only
        private (object, object, object, object, object, object, object, object, object, object) _references;
        private (object, object) _otherSourcesAndKeys;
        private (object, int) _source;
        private bool _keyIsGenerated;
#pragma warning restore CS0169
    }
}
