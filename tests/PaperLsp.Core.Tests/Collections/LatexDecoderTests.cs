using PaperLsp.Core.Collections;

namespace PaperLsp.Core.Tests.Collections;

public class LatexDecoderTests
{
    [Theory]
    [InlineData(@"B{\""u}chner", "Büchner")]
    [InlineData(@"B\""uchner", "Büchner")]
    [InlineData(@"B\""{u}chner", "Büchner")]
    [InlineData(@"caf\'e", "café")]
    [InlineData(@"\`a la", "à la")]
    [InlineData(@"h\^otel", "hôtel")]
    [InlineData(@"Espa\~na", "España")]
    [InlineData(@"\=a", "ā")]
    [InlineData(@"\.z", "ż")]
    [InlineData(@"\u{g}", "ğ")]
    [InlineData(@"\v{c}", "č")]
    [InlineData(@"Erd\H{o}s", "Erdős")]
    [InlineData(@"Fran\c{c}ais", "Français")]
    [InlineData(@"{\c c}a", "ça")]
    [InlineData(@"{\c{C}}etinkaya", "Çetinkaya")]
    [InlineData(@"\k{a}", "ą")]
    [InlineData(@"\r{a}", "å")]
    [InlineData(@"Aks{\i}n", "Aksın")]
    [InlineData(@"na\""{\i}ve", "naïve")]
    [InlineData(@"Stra{\ss}e", "Straße")]
    [InlineData(@"{\o}re {\O} {\l}{\L} {\ae}{\AE} {\oe}{\OE} {\aa}{\AA}", "øre Ø łŁ æÆ œŒ åÅ")]
    [InlineData(@"\ae and", "æand")]
    [InlineData("Cafe\u0301", "Café")]
    [InlineData(@"The {\TeX book}", "The TeXbook")]
    [InlineData(@"{\TeX}: The Program", "TeX: The Program")]
    [InlineData(@"\LaTeX{} and \BibTeX", "LaTeX and BibTeX")]
    [InlineData(@"\mkbibquote{Intention} und \mkbibquote{Intentionalit{\""a}t}", "Intention und Intentionalität")]
    [InlineData(@"\emph{Deep} \textit{and} \textbf{wide} \textsc{nets} \texttt{code}", "Deep and wide nets code")]
    [InlineData(@"$\alpha$-stable and $\beta$", "α-stable and β")]
    [InlineData(@"$O(n^{2})$ time", "O(n²) time")]
    [InlineData(@"$x$ and $x_1$", "x and x₁")]
    [InlineData(@"$\mathbb{R}^n$", "ℝⁿ")]
    [InlineData(@"50\% \& more \_ \$5 \# \{x\}", "50% & more _ $5 # {x}")]
    [InlineData(@"pages 1--10, a---b", "pages 1–10, a—b")]
    [InlineData(@"J.~Amer. Math.", "J. Amer. Math.")]
    [InlineData(@"``quoted'' and `single'", "“quoted” and ‘single'")]
    [InlineData(@"{Mizoroki-Heck} reactions", "Mizoroki-Heck reactions")]
    [InlineData(@"line\\break", "line break")]
    [InlineData("several\n    lines\tjoined ", "several lines joined")]
    [InlineData(@"\autocap{e}xcerpt", "excerpt")]
    [InlineData(@"\unknowncommand{kept}", "kept")]
    [InlineData(@"\Foo bar", "Foobar")]
    [InlineData(@"methodology\hyphen independent", "methodology-independent")]
    [InlineData(@"\noopsort{a}Zebra", "Zebra")]
    [InlineData(@"\protect\TeX book", "TeXbook")]
    [InlineData(@"Hemingway's", "Hemingway's")]
    [InlineData(@"trailing \", "trailing")]
    [InlineData(@"\""", "")]
    [InlineData("", "")]
    public void Decodes_latex_to_display_text(string latex, string expected)
    {
        Assert.Equal(expected, LatexDecoder.Decode(latex));
    }

    [Fact]
    public void Output_is_composed_NFC()
    {
        var decoded = LatexDecoder.Decode(@"\""u");
        Assert.Equal("\u00FC", decoded);
        Assert.Equal(1, decoded.Length);
    }

    [Fact]
    public void Deep_nesting_does_not_overflow_the_stack()
    {
        var depth = 200_000;
        var latex = string.Concat(Enumerable.Repeat(@"\emph{", depth)) + "x" + new string('}', depth);
        Assert.Equal("x", LatexDecoder.Decode(latex));
    }
}
