using System.Globalization;
using System.Text;

namespace PaperLsp.Core.Collections;

/// <summary>
/// Makes citation keys for entries that have none (plain listings, RIS without ID, CSL items without id).
/// The key is the title's first three significant words — stop words such as a, an, the, of, for, on, in, and,
/// with, to skipped — each ASCII-folded, lower case and stripped of everything but letters and digits, joined with
/// '-', then '-' and the year when known: "Multi-task Active Learning for Pre-trained Transformer-based Models"
/// (2023) gives <c>multitask-active-learning-2023</c>. A title with no Latin letters or digits gives <c>paper</c>.
/// Keys depend only on the title, the year and file order, so they are stable across reloads; a key already taken
/// in the collection gets <c>-2</c>, <c>-3</c>, … appended.
/// </summary>
public sealed class KeyGenerator
{
    private const int WordCount = 3;

    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "of", "for", "on", "in", "and", "with", "to", "at", "by", "from", "into", "via", "or",
        "is", "are", "as", "its", "it", "be", "we", "our", "do", "does", "towards", "toward",
    };

    private readonly HashSet<string> _taken;
    private readonly Func<string, bool>? _isTakenElsewhere;

    /// <param name="takenKeys">Keys the collection already has (its explicit keys): generated keys avoid them.</param>
    public KeyGenerator(IEnumerable<string>? takenKeys = null)
    {
        _taken = new HashSet<string>(takenKeys ?? [], StringComparer.Ordinal);
    }

    /// <param name="isTaken">Whether a key is already taken (an index's key lookup): asked instead of copying a million keys into a set.</param>
    public KeyGenerator(Func<string, bool> isTaken)
    {
        _taken = new HashSet<string>(StringComparer.Ordinal);
        _isTakenElsewhere = isTaken;
    }

    /// <summary>A new key, unique among the taken keys and every key generated so far (which it then takes).</summary>
    public string Generate(string title, string? year = null)
    {
        var stem = Stem(title, year);
        var key = stem;
        for (var n = 2; _isTakenElsewhere?.Invoke(key) == true || !_taken.Add(key); n++)
        {
            key = $"{stem}-{n.ToString(CultureInfo.InvariantCulture)}";
        }

        return key;
    }

    /// <summary>The key before any collision suffix.</summary>
    public static string Stem(string title, string? year = null)
    {
        var words = new List<string>();
        var allWords = new List<string>();
        foreach (var token in (title ?? string.Empty).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            var word = Fold(token);
            if (word.Length == 0)
            {
                continue;
            }

            allWords.Add(word);
            if (!StopWords.Contains(word) && words.Count < WordCount)
            {
                words.Add(word);
            }
        }

        if (words.Count == 0)
        {
            words = allWords.Take(WordCount).ToList();
        }

        var stem = words.Count == 0 ? "paper" : string.Join('-', words);
        var digits = year is null ? string.Empty : new string(year.Where(char.IsAsciiDigit).ToArray());
        return digits.Length == 0 ? stem : $"{stem}-{digits}";
    }

    /// <summary>Lower-case ASCII letters and digits of a word: accents dropped, ß → ss, æ → ae, ø → o and so on.</summary>
    private static string Fold(string token)
    {
        string decomposed;
        try
        {
            decomposed = token.Normalize(NormalizationForm.FormD);
        }
        catch (ArgumentException)
        {
            decomposed = token; // Lone surrogates: nothing of them survives folding anyway.
        }

        var builder = new StringBuilder(token.Length);
        foreach (var c in decomposed)
        {
            var letter = LatinComposition.StripAccent(c);
            if (char.IsAsciiLetterOrDigit(letter))
            {
                builder.Append(char.ToLowerInvariant(letter));
                continue;
            }

            builder.Append(c switch
            {
                'ß' => "ss", 'æ' or 'Æ' => "ae", 'œ' or 'Œ' => "oe", 'ø' or 'Ø' => "o", 'ł' or 'Ł' => "l",
                'đ' or 'Đ' or 'ð' or 'Ð' => "d", 'þ' or 'Þ' => "th", 'ı' => "i", 'ŋ' => "ng",
                _ => string.Empty,
            });
        }

        return builder.ToString();
    }
}
