using FsCheck;
using FsCheck.Fluent;

namespace PaperLsp.Core.Tests.Text;

/// <summary>
/// FsCheck generators of texts that hit the interesting cases: notes syntax fragments, every kind of line break, surrogate
/// pairs, lone surrogates, NUL and other control characters, and arbitrary UTF-16 code units.
/// </summary>
public static class TextGenerators
{
    private static readonly string[] NotesFragments =
    [
        "[[", "]]", "|", "@", "@paper ", "@{", "}", "\\", "#", "## ", "####### ", "%", "status: ", "related: ", "Tags:",
        " ", "\t", "a", "Z", "1", "_", ".", ":", "-", "/", "é", "日", "😀", "𝐀", "\0", "\u0001", "\uD800", "\uDC00", "\uFEFF",
        "\r", "\n", "\r\n", "\n\r", "someone@example.org", "@doe:2020.", "\\[[x]]", "\\@k",
    ];

    private static readonly string[] LineTextFragments = ["a", "b", "é", "😀", "𝐀", "\uD800", "\uDC00", "\0", " ", "\t", "\r", "\n", "\r\n"];

    /// <summary>Mostly notes syntax, with arbitrary UTF-16 code units mixed in.</summary>
    public static Gen<string> NotesLike { get; } =
        Gen.Frequency(
                (4, Gen.Elements(NotesFragments)),
                (1, Gen.Choose(0, 0xFFFF).Select(code => ((char)code).ToString())))
            .ArrayOf()
            .Select(string.Concat);

    /// <summary>Short letters, emoji, lone surrogates and CR / LF / CR LF mixes, for the line index.</summary>
    public static Gen<string> WithLineBreaks { get; } =
        Gen.Elements(LineTextFragments).ArrayOf().Select(string.Concat);
}
