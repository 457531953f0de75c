namespace PaperLsp.Core.Collections;

/// <summary>PLACEHOLDER — replaced by the collections work.</summary>
public static class KeyGenerator
{
    public static string Generate(string title, string? year, ISet<string> taken)
    {
        var key = new string(title.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit).Take(20).ToArray()) + year;
        var candidate = key;
        for (var n = 2; taken.Contains(candidate); n++)
        {
            candidate = $"{key}-{n}";
        }

        return candidate;
    }
}
