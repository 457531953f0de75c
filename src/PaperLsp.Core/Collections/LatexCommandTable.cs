using System.Collections.Frozen;

namespace PaperLsp.Core.Collections;

/// <summary>The LaTeX commands <see cref="LatexDecoder"/> knows, by what they do to the text.</summary>
internal static class LatexCommandTable
{
    /// <summary>Accent commands and the Unicode combining mark each puts on the following letter.</summary>
    public static readonly FrozenDictionary<string, char> Accents = new Dictionary<string, char>
    {
        ["`"] = '\u0300', ["'"] = '\u0301', ["^"] = '\u0302', ["~"] = '\u0303', ["="] = '\u0304',
        ["u"] = '\u0306', ["."] = '\u0307', ["\""] = '\u0308', ["r"] = '\u030A', ["H"] = '\u030B',
        ["v"] = '\u030C', ["d"] = '\u0323', ["c"] = '\u0327', ["k"] = '\u0328', ["b"] = '\u0331',
        ["t"] = '\u0361',
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Commands that stand for text: letters, logos, symbols and math.</summary>
    public static readonly FrozenDictionary<string, string> Symbols = new Dictionary<string, string>
    {
        // Letters.
        ["ss"] = "ß", ["SS"] = "SS", ["o"] = "ø", ["O"] = "Ø", ["l"] = "ł", ["L"] = "Ł", ["i"] = "ı", ["j"] = "ȷ",
        ["ae"] = "æ", ["AE"] = "Æ", ["oe"] = "œ", ["OE"] = "Œ", ["aa"] = "å", ["AA"] = "Å",
        ["dh"] = "ð", ["DH"] = "Ð", ["th"] = "þ", ["TH"] = "Þ", ["dj"] = "đ", ["DJ"] = "Đ", ["ng"] = "ŋ", ["NG"] = "Ŋ",
        // Logos.
        ["TeX"] = "TeX", ["LaTeX"] = "LaTeX", ["LaTeXe"] = "LaTeX2ε", ["BibTeX"] = "BibTeX", ["BibLaTeX"] = "BibLaTeX",
        ["biblatex"] = "biblatex", ["XeTeX"] = "XeTeX", ["XeLaTeX"] = "XeLaTeX", ["LuaTeX"] = "LuaTeX",
        ["LuaLaTeX"] = "LuaLaTeX", ["pdfTeX"] = "pdfTeX", ["pdfLaTeX"] = "pdfLaTeX", ["ConTeXt"] = "ConTeXt",
        ["AmS"] = "AmS", ["AMS"] = "AMS", ["METAFONT"] = "METAFONT", ["MF"] = "METAFONT", ["MP"] = "MetaPost",
        // Punctuation and symbols.
        ["textendash"] = "–", ["textemdash"] = "—", ["textquoteleft"] = "‘", ["textquoteright"] = "’",
        ["textquotedblleft"] = "“", ["textquotedblright"] = "”", ["textquotedbl"] = "\"", ["textquotesingle"] = "'",
        ["ldots"] = "…", ["dots"] = "…", ["textellipsis"] = "…", ["cdots"] = "⋯",
        ["textasciitilde"] = "~", ["textbackslash"] = "\\", ["textunderscore"] = "_", ["textbar"] = "|",
        ["textless"] = "<", ["textgreater"] = ">", ["textasciicircum"] = "^", ["textbraceleft"] = "{",
        ["textbraceright"] = "}", ["S"] = "§", ["P"] = "¶", ["copyright"] = "©", ["textcopyright"] = "©",
        ["textregistered"] = "®", ["texttrademark"] = "™", ["pounds"] = "£", ["textsterling"] = "£",
        ["euro"] = "€", ["texteuro"] = "€", ["textdegree"] = "°", ["guillemotleft"] = "«", ["guillemotright"] = "»",
        ["guillemetleft"] = "«", ["guillemetright"] = "»", ["dag"] = "†", ["ddag"] = "‡", ["textdagger"] = "†",
        ["slash"] = "/", ["hyphen"] = "-", ["textsection"] = "§", ["textperiodcentered"] = "·", ["quad"] = " ",
        ["qquad"] = " ", ["space"] = " ", ["enspace"] = " ", ["thinspace"] = " ", ["nobreakspace"] = " ",
        ["textasteriskcentered"] = "*", ["textbullet"] = "•", ["textexclamdown"] = "¡", ["textquestiondown"] = "¿",
        // Greek.
        ["alpha"] = "α", ["beta"] = "β", ["gamma"] = "γ", ["delta"] = "δ", ["epsilon"] = "ϵ", ["varepsilon"] = "ε",
        ["zeta"] = "ζ", ["eta"] = "η", ["theta"] = "θ", ["vartheta"] = "ϑ", ["iota"] = "ι", ["kappa"] = "κ",
        ["lambda"] = "λ", ["mu"] = "μ", ["nu"] = "ν", ["xi"] = "ξ", ["pi"] = "π", ["varpi"] = "ϖ", ["rho"] = "ρ",
        ["varrho"] = "ϱ", ["sigma"] = "σ", ["varsigma"] = "ς", ["tau"] = "τ", ["upsilon"] = "υ", ["phi"] = "ϕ",
        ["varphi"] = "φ", ["chi"] = "χ", ["psi"] = "ψ", ["omega"] = "ω",
        ["Gamma"] = "Γ", ["Delta"] = "Δ", ["Theta"] = "Θ", ["Lambda"] = "Λ", ["Xi"] = "Ξ", ["Pi"] = "Π",
        ["Sigma"] = "Σ", ["Upsilon"] = "Υ", ["Phi"] = "Φ", ["Psi"] = "Ψ", ["Omega"] = "Ω",
        // Math.
        ["times"] = "×", ["cdot"] = "·", ["pm"] = "±", ["mp"] = "∓", ["div"] = "÷", ["leq"] = "≤", ["le"] = "≤",
        ["geq"] = "≥", ["ge"] = "≥", ["neq"] = "≠", ["ne"] = "≠", ["approx"] = "≈", ["sim"] = "∼", ["simeq"] = "≃",
        ["equiv"] = "≡", ["infty"] = "∞", ["to"] = "→", ["rightarrow"] = "→", ["leftarrow"] = "←",
        ["Rightarrow"] = "⇒", ["Leftarrow"] = "⇐", ["leftrightarrow"] = "↔", ["mapsto"] = "↦", ["ell"] = "ℓ",
        ["partial"] = "∂", ["nabla"] = "∇", ["sum"] = "∑", ["prod"] = "∏", ["int"] = "∫", ["in"] = "∈",
        ["notin"] = "∉", ["subset"] = "⊂", ["subseteq"] = "⊆", ["cup"] = "∪", ["cap"] = "∩", ["emptyset"] = "∅",
        ["forall"] = "∀", ["exists"] = "∃", ["neg"] = "¬", ["wedge"] = "∧", ["vee"] = "∨", ["oplus"] = "⊕",
        ["otimes"] = "⊗", ["circ"] = "∘", ["star"] = "⋆", ["ast"] = "∗", ["log"] = "log", ["ln"] = "ln",
        ["exp"] = "exp", ["sin"] = "sin", ["cos"] = "cos", ["min"] = "min", ["max"] = "max", ["lim"] = "lim",
        ["langle"] = "⟨", ["rangle"] = "⟩", ["lbrace"] = "{", ["rbrace"] = "}", ["vert"] = "|", ["mid"] = "|",
        ["ll"] = "≪", ["gg"] = "≫", ["propto"] = "∝", ["perp"] = "⊥", ["top"] = "⊤", ["bot"] = "⊥",
        ["hbar"] = "ℏ", ["aleph"] = "ℵ", ["sqrt"] = "√", ["prime"] = "′", ["colon"] = ":",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Commands that produce nothing themselves: font switches, spacing hints, robustness markers.</summary>
    public static readonly FrozenSet<string> Silent = new[]
    {
        "protect", "relax", "noindent", "em", "it", "bf", "sc", "tt", "rm", "sf", "sl", "up", "itshape", "bfseries",
        "scshape", "upshape", "mdseries", "normalfont", "ttfamily", "rmfamily", "sffamily", "slshape",
        "nobreak", "allowbreak", "linebreak", "newline", "par", "hfill", "hss", "unskip", "ignorespaces",
        "displaystyle", "textstyle", "scriptstyle", "left", "right", "big", "Big", "bigl", "bigr", "Bigl", "Bigr",
        "mathversion", "boldmath", "unboldmath", "small", "footnotesize", "large", "Large", "normalsize",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Commands whose (first) braced argument is dropped together with the command.</summary>
    public static readonly FrozenSet<string> DropArgument = new[]
    {
        "noopsort", "hspace", "vspace", "hspace*", "vspace*", "href", "label", "index", "nocite", "cite",
        "footnote", "sortname", "noop",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Blackboard-bold capitals for <c>\mathbb{R}</c> and friends.</summary>
    public static readonly FrozenDictionary<char, char> BlackboardBold = new Dictionary<char, char>
    {
        ['C'] = 'ℂ', ['H'] = 'ℍ', ['N'] = 'ℕ', ['P'] = 'ℙ', ['Q'] = 'ℚ', ['R'] = 'ℝ', ['Z'] = 'ℤ',
    }.ToFrozenDictionary();

    public const string SuperscriptSource = "0123456789+-=()n";
    public const string SuperscriptTarget = "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾ⁿ";
    public const string SubscriptSource = "0123456789+-=()";
    public const string SubscriptTarget = "₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎";
}
