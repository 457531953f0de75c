using System.Text;

namespace PaperLsp.Core.Collections;

/// <summary>
/// Turns the LaTeX of a bibliography field into the Unicode text a reader expects: accents composed (<c>{\"u}</c> → ü),
/// letter and logo commands written out (<c>\ss</c> → ß, <c>\TeX</c> → TeX), formatting commands replaced by their
/// content, simple math (<c>$\alpha^{2}$</c> → α²), escapes, dashes and quotes, grouping braces dropped and whitespace
/// collapsed, accents composed into precomposed letters. An unknown command followed by a braced argument gives the argument; without one, its name. One pass,
/// no recursion (deeply nested input cannot overflow the stack), never throws. The result is NFC for Latin letters (composed from a table,
/// since InvariantGlobalization leaves <see cref="string.Normalize()"/> inert) and passed through Normalize as well.
/// </summary>
public static class LatexDecoder
{
    public static string Decode(string latex)
    {
        if (string.IsNullOrEmpty(latex))
        {
            return string.Empty;
        }

        if (IsPlain(latex))
        {
            return latex;
        }

        var decoder = new Decoding(latex);
        var result = decoder.Run();
        if (result.AsSpan().IndexOfAnyInRange('\u0300', '\uFFFF') < 0)
        {
            // Below U+0300 every character is its own NFC and none composes with another (composition needs a combining
            // mark or a Hangul/Indic second character, all above): the text is NFC already, and ICU need not be asked.
            return result;
        }

        try
        {
            return result.Normalize(NormalizationForm.FormC);
        }
        catch (ArgumentException)
        {
            // Lone surrogates are replaced while decoding, so this is a last line of defence only.
            return result;
        }
    }

    /// <summary>
    /// Text the decoder would return unchanged: printable ASCII (so already NFC) without commands, braces, math, ties,
    /// dash runs, TeX quotes or whitespace to collapse. Most abstracts are such text, and decoding them was a large part
    /// of loading a big .bib.
    /// </summary>
    private static bool IsPlain(string text)
    {
        if (text[0] == ' ' || text[^1] == ' ')
        {
            return false;
        }

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is < ' ' or > '~' or '\\' or '{' or '}' or '$' or '~' or '`'
                || (c == ' ' && text[i + 1] == ' ')
                || (c == '-' && i + 1 < text.Length && text[i + 1] == '-')
                || (c == '\'' && i + 1 < text.Length && text[i + 1] == '\''))
            {
                return false;
            }
        }

        return true;
    }

    private sealed class Decoding(string text)
    {
        private readonly StringBuilder _output = new(text.Length);
        private bool _pendingSpace;
        private bool _math;
        private int _i;

        public string Run()
        {
            while (_i < text.Length)
            {
                var c = text[_i];
                switch (c)
                {
                    case '\\':
                        _i++;
                        Command();
                        break;
                    case '{':
                    case '}':
                        _i++;
                        break;
                    case '$':
                        _math = !_math;
                        _i++;
                        break;
                    case '~':
                        Space();
                        _i++;
                        break;
                    case '-':
                        Dash();
                        break;
                    case '`':
                        if (At(_i + 1) == '`')
                        {
                            Emit('“');
                            _i += 2;
                        }
                        else
                        {
                            Emit('‘');
                            _i++;
                        }

                        break;
                    case '\'' when At(_i + 1) == '\'':
                        Emit('”');
                        _i += 2;
                        break;
                    case '^' or '_' when _math:
                        _i++;
                        Script(c == '^' ? LatexCommandTable.SuperscriptSource : LatexCommandTable.SubscriptSource,
                            c == '^' ? LatexCommandTable.SuperscriptTarget : LatexCommandTable.SubscriptTarget);
                        break;
                    default:
                        if (char.IsWhiteSpace(c))
                        {
                            Space();
                            _i++;
                        }
                        else
                        {
                            EmitTextChar();
                        }

                        break;
                }
            }

            return _output.ToString();
        }

        private char At(int index) => index < text.Length ? text[index] : '\0';

        private void Space() => _pendingSpace = _output.Length > 0;

        private void Emit(char c)
        {
            if (_pendingSpace)
            {
                _output.Append(' ');
                _pendingSpace = false;
            }

            _output.Append(c);
        }

        private void Emit(string s)
        {
            if (s.Length == 0)
            {
                return;
            }

            if (s == " ")
            {
                Space();
                return;
            }

            if (_pendingSpace)
            {
                _output.Append(' ');
                _pendingSpace = false;
            }

            _output.Append(s);
        }

        /// <summary>Copies the character at the cursor (a whole surrogate pair; a lone surrogate becomes U+FFFD).</summary>
        private void EmitTextChar()
        {
            var c = text[_i];
            if (char.IsHighSurrogate(c) && char.IsLowSurrogate(At(_i + 1)))
            {
                Emit(c);
                _output.Append(text[_i + 1]);
                _i += 2;
                return;
            }

            _i++;
            if (LatinComposition.IsCombiningMark(c))
            {
                AppendMark(c); // Already decomposed input ("e" + U+0301) is composed too.
                return;
            }

            Emit(char.IsSurrogate(c) ? '\uFFFD' : c);
        }

        private void Dash()
        {
            var run = 0;
            while (At(_i + run) == '-' && run < 3)
            {
                run++;
            }

            if (_math)
            {
                run = 1;
            }

            Emit(run switch { 3 => "—", 2 => "–", _ => "-" });
            _i += run;
        }

        private void SkipWhitespace()
        {
            while (_i < text.Length && char.IsWhiteSpace(text[_i]))
            {
                _i++;
            }
        }

        /// <summary>After a backslash: a control word (letters) or a control symbol (one other character).</summary>
        private void Command()
        {
            if (_i >= text.Length)
            {
                return;
            }

            var c = text[_i];
            if (!char.IsAsciiLetter(c))
            {
                _i++;
                ControlSymbol(c);
                return;
            }

            var start = _i;
            while (_i < text.Length && char.IsAsciiLetter(text[_i]))
            {
                _i++;
            }

            if (At(_i) == '*')
            {
                _i++;
            }

            var name = text[start.._i];

            // TeX ends a control word at the first non-letter and swallows the spaces after it: "\TeX book" is "TeXbook".
            SkipWhitespace();

            if (LatexCommandTable.Accents.TryGetValue(name, out var mark))
            {
                Accent(mark);
            }
            else if (LatexCommandTable.Symbols.TryGetValue(name, out var symbol))
            {
                Emit(symbol);
            }
            else if (LatexCommandTable.Silent.Contains(name))
            {
                // Nothing to show.
            }
            else if (LatexCommandTable.DropArgument.Contains(name))
            {
                SkipGroup();
            }
            else if (name == "mathbb" && At(_i) == '{')
            {
                Blackboard();
            }
            else if (At(_i) != '{')
            {
                // Unknown and without an argument: the name is the best guess at what it shows.
                Emit(name);
            }

            // A formatting or unknown command with an argument: the braces are dropped and the argument flows on.
        }

        private void ControlSymbol(char c)
        {
            var key = c.ToString();
            if (LatexCommandTable.Accents.TryGetValue(key, out var mark))
            {
                Accent(mark);
                return;
            }

            switch (c)
            {
                case '\\' or ',' or ';' or ':' or '>' or ' ' or '\t' or '\n' or '\r':
                    Space();
                    break;
                case '-' or '/' or '@' or '!':
                    break;
                case '(' or '[':
                    _math = true;
                    break;
                case ')' or ']':
                    _math = false;
                    break;
                default:
                    _i--;
                    EmitTextChar();
                    break;
            }
        }

        /// <summary>Puts a combining mark on the accent's argument: <c>\"u</c>, <c>\"{u}</c>, <c>\c c</c>, <c>\"{\i}</c>.</summary>
        private void Accent(char mark)
        {
            SkipWhitespace();
            while (At(_i) == '{')
            {
                _i++;
                SkipWhitespace();
            }

            if (_i >= text.Length || text[_i] == '}')
            {
                return;
            }

            if (text[_i] == '\\' && char.IsAsciiLetter(At(_i + 1)))
            {
                var start = _i + 1;
                var end = start;
                while (end < text.Length && char.IsAsciiLetter(text[end]))
                {
                    end++;
                }

                if (!LatexCommandTable.Symbols.TryGetValue(text[start..end], out var letter) || letter.Length != 1)
                {
                    return; // Not a letter: leave the command to the main loop.
                }

                _i = end;
                SkipWhitespace();
                Emit(letter switch { "ı" => 'i', "ȷ" => 'j', _ => letter[0] });
                AppendMark(mark);
                return;
            }

            EmitTextChar();
            AppendMark(mark);
        }

        /// <summary>Puts a combining mark after the last character, composed with it when a precomposed letter exists.</summary>
        private void AppendMark(char mark)
        {
            if (_output.Length > 0 && !_pendingSpace
                && LatinComposition.TryCompose(_output[^1], mark, out var composed))
            {
                _output[^1] = composed;
            }
            else
            {
                _output.Append(mark);
            }
        }

        /// <summary>Skips a braced argument (balanced), or one character when there are no braces.</summary>
        private void SkipGroup()
        {
            if (At(_i) != '{')
            {
                return;
            }

            var depth = 0;
            while (_i < text.Length)
            {
                var c = text[_i++];
                if (c == '\\')
                {
                    _i++;
                }
                else if (c == '{')
                {
                    depth++;
                }
                else if (c == '}' && --depth == 0)
                {
                    return;
                }
            }
        }

        private void Blackboard()
        {
            var close = text.IndexOf('}', _i);
            if (close == _i + 2 && LatexCommandTable.BlackboardBold.TryGetValue(text[_i + 1], out var letter))
            {
                Emit(letter);
                _i = close + 1;
            }
        }

        /// <summary>
        /// <c>^{12}</c> or <c>_2</c> in math: written with Unicode super/subscripts when every character has one,
        /// otherwise the operator is dropped and the argument reads as plain text.
        /// </summary>
        private void Script(string source, string target)
        {
            if (_i >= text.Length)
            {
                return;
            }

            if (text[_i] != '{')
            {
                var single = source.IndexOf(text[_i]);
                if (single >= 0)
                {
                    Emit(target[single]);
                    _i++;
                }

                return;
            }

            var end = _i + 1;
            while (end < text.Length && text[end] != '}' && source.Contains(text[end]))
            {
                end++;
            }

            if (end >= text.Length || text[end] != '}' || end == _i + 1)
            {
                return;
            }

            for (var k = _i + 1; k < end; k++)
            {
                Emit(target[source.IndexOf(text[k])]);
            }

            _i = end + 1;
        }
    }
}
