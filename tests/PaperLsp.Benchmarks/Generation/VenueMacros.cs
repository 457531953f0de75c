using System.Text.RegularExpressions;
using PaperLsp.Core.Collections;

namespace PaperLsp.Benchmarks.Generation;

/// <summary>
/// The venue macros of Data/cryptobib-abbrev3.bib: the <c>@string{name = "value"}</c> lines whose name is a plain word
/// (conference and journal names, not the per-year volume macros) and whose value is one literal.
/// </summary>
public static partial class VenueMacros
{
    public static string AbbreviationsPath => Path.Combine(AppContext.BaseDirectory, "Data", "cryptobib-abbrev3.bib");

    public static IReadOnlyList<VenueMacro> Load(string path)
    {
        var venues = new List<VenueMacro>();
        foreach (var line in File.ReadLines(path))
        {
            var match = SimpleMacro().Match(line);
            if (match.Success)
            {
                venues.Add(new VenueMacro(match.Groups["name"].Value, LatexDecoder.Decode(match.Groups["value"].Value)));
            }
        }

        return venues;
    }

    [GeneratedRegex("""^@string\{(?<name>[a-z]+)\s*=\s*"(?<value>[^"#]+)"\}\s*$""")]
    private static partial Regex SimpleMacro();
}
