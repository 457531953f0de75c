using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using PaperLsp.Core.Collections;

namespace PaperLsp.Core.Tests.Collections;

public class CollectionPropertyTests
{
    /// <summary>Strings made mostly of the characters the formats care about, so the generator reaches the parsers' corners.</summary>
    private static Arbitrary<string> Syntaxy() =>
        Gen.Elements("@", "article", "string", "comment", "{", "}", "(", ")", "\"", "=", ",", "#", "%", "\\", "\\\"", "\\'",
                "$", "^", "_", "~", "-", "--", "\n", "\r\n", " ", "and", "title", "TY  - ", "ER  - ", "TI  - ", "[", "]",
                ":", "\uD800", "é", "x", "1", "\\emph", "\\c", "{\\\"u}", "Subscribe", "crossref")
            .ArrayOf()
            .Select(parts => string.Concat(parts))
            .ToArbitrary();

    [Property(MaxTest = 300)]
    public bool Decode_never_throws_on_any_string(string? text) => LatexDecoder.Decode(text ?? string.Empty) is not null;

    [Property(MaxTest = 300)]
    public Property Decode_never_throws_on_latex_like_strings() =>
        Prop.ForAll(Syntaxy(), text => LatexDecoder.Decode(text) is not null);

    [Property(MaxTest = 200)]
    public Property Loaders_never_throw_and_report_only_known_codes() =>
        Prop.ForAll(Syntaxy(), Gen.Elements("a.bib", "a.json", "a.ris", "a.txt").ToArbitrary(), (text, path) =>
        {
            var result = CollectionLoader.LoadText(path, text);
            return result.Problems.All(p => p.Code is "PN010" or "PN011" or "PN012" or "PN013" or "PN014" or "PN015" && p.Line >= 1)
                   && result.Papers.All(p => p.Title.Length > 0 && p.Key.Length > 0);
        });

    [Property(MaxTest = 200)]
    public bool Loaders_never_throw_on_any_string(string? text, bool json) =>
        CollectionLoader.LoadText(json ? "a.json" : "a.bib", text ?? string.Empty) is { } result
        && CollectionLoader.LoadText("a.ris", text ?? string.Empty) is not null
        && CollectionLoader.LoadText("a.txt", text ?? string.Empty) is not null
        && result.Papers.All(p => p.Key.Length > 0);
}
