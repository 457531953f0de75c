using Sprache;

namespace PaperLsp.Core.Collections;

/// <summary>
/// The Sprache grammar of one .bib block (<see cref="BibTexChunkReader"/> finds the blocks):
/// <code>
/// entry  := '@' name ws ('{' ws body ws '}' | '(' ws body ws ')')
/// body   := ws key? (sep field)* sep?          -- @string: ws field (sep field)* sep?
/// field  := name ws '=' ws value
/// value  := part (ws '#' ws part)*
/// part   := '{' balanced '}' | '"' balanced-without-top-level-quote '"' | digits | name (a macro)
/// </code>
/// The character-level pieces (names, braced and quoted text, punctuation with the blanks around it) are hand-written
/// Sprache parsers that jump over their match in one step on a <see cref="BibTexInput"/>; the structure is ordinary
/// Sprache combinators. Char-by-char Sprache costs an input and a result object per character, too much for 100 MB.
/// </summary>
internal static class BibTexGrammar
{
    private static readonly Parser<string> Name = Scan(static (s, i) =>
    {
        while (i < s.Length && BibTexChunkReader.IsTypeChar(s[i]))
        {
            i++;
        }

        return i;
    }, "a name");

    private static readonly Parser<string> Key = Scan(static (s, i) =>
    {
        while (i < s.Length && !char.IsWhiteSpace(s[i]) && s[i] is not (',' or '{' or '}' or '(' or ')' or '=' or '"'))
        {
            i++;
        }

        return i;
    }, "a citation key");

    private static readonly Parser<string> Number = Scan(static (s, i) =>
    {
        while (i < s.Length && char.IsAsciiDigit(s[i]))
        {
            i++;
        }

        return i;
    }, "a number");

    /// <summary>'{' … '}' with nested braces; the value is the text inside.</summary>
    private static readonly Parser<string> Braced = Delimited('{', static (s, i) =>
    {
        var depth = 0;
        for (; i < s.Length; i++)
        {
            if (s[i] == '{')
            {
                depth++;
            }
            else if (s[i] == '}')
            {
                if (depth == 0)
                {
                    return i;
                }

                depth--;
            }
        }

        return -1;
    }, "a braced value");

    /// <summary>'"' … '"' where a quote inside braces does not end the value.</summary>
    private static readonly Parser<string> Quoted = Delimited('"', static (s, i) =>
    {
        var depth = 0;
        for (; i < s.Length; i++)
        {
            switch (s[i])
            {
                case '{':
                    depth++;
                    break;
                case '}':
                    if (depth == 0)
                    {
                        return -1;
                    }

                    depth--;
                    break;
                case '"' when depth == 0:
                    return i;
            }
        }

        return -1;
    }, "a quoted value");

    /// <summary>A part of a value, and the blanks after it.</summary>
    private static readonly Parser<BibTexValuePart> Part =
        Located(Braced.Or(Quoted).Or(Number), BibTexValuePartKind.Literal)
            .Or(Located(Name, BibTexValuePartKind.Macro));

    private static readonly Parser<BibTexRawField> Field =
        from name in Name.Then(TrailingWhitespace)
        from eq in Symbol('=')
        from first in Part
        from rest in Symbol('#').Then(_ => Part).Many()
        select new BibTexRawField(name, rest.Prepend(first).ToArray());

    private static readonly Parser<IEnumerable<BibTexRawField>> MoreFields =
        from fields in Symbol(',').Then(_ => Field).Many()
        from trailing in Symbol(',').Optional()
        select fields;

    private static readonly Parser<(string Key, IEnumerable<BibTexRawField> Fields)> EntryBody =
        from key in Key.Optional()
        from fields in MoreFields
        select (key.GetOrElse(string.Empty), fields);

    private static readonly Parser<(string Key, IEnumerable<BibTexRawField> Fields)> StringBody =
        from first in Field
        from more in MoreFields
        select (string.Empty, more.Prepend(first));

    public static readonly Parser<BibTexRawEntry> Entry = Block(EntryBody);

    public static readonly Parser<BibTexRawEntry> StringDefinition = Block(StringBody);

    private static Parser<BibTexRawEntry> Block(Parser<(string Key, IEnumerable<BibTexRawField> Fields)> body) =>
        from at in Parse.Char('@')
        from type in Name.Then(TrailingWhitespace)
        from open in Symbol('{').Or(Symbol('('))
        from content in body
        from close in Symbol(open == '{' ? '}' : ')')
        select new BibTexRawEntry(type.ToLowerInvariant(), content.Key, content.Fields.ToArray());

    /// <summary>Keeps the value of the parse before it and skips the blanks after it (one step instead of two).</summary>
    private static Parser<T> TrailingWhitespace<T>(T value) =>
        input => Result.Success(value, Jump(input, SkipWhitespace(input.Source, input.Position)));

    /// <summary>Blanks, <paramref name="c"/>, blanks: one hand-written step where Sprache combinators would take three,
    /// which matters at 100k entries.</summary>
    private static Parser<char> Symbol(char c)
    {
        var expectation = $"'{c}'";
        return input =>
        {
            var at = SkipWhitespace(input.Source, input.Position);
            if (at >= input.Source.Length || input.Source[at] != c)
            {
                var found = Jump(input, at);
                return Result.Failure<char>(found, found.AtEnd ? "unexpected end of input" : $"unexpected '{found.Current}'", [expectation]);
            }

            return Result.Success(c, Jump(input, SkipWhitespace(input.Source, at + 1)));
        };
    }

    private static int SkipWhitespace(string s, int i)
    {
        while (i < s.Length && char.IsWhiteSpace(s[i]))
        {
            i++;
        }

        return i;
    }

    private static Parser<BibTexValuePart> Located(Parser<string> parser, BibTexValuePartKind kind) =>
        input =>
        {
            var result = parser(input);
            return result.WasSuccessful
                ? Result.Success(new BibTexValuePart(kind, input.Source, input.Position + (input.Current is '{' or '"' ? 1 : 0),
                        result.Value.Length, input.Line, input.Column),
                    Jump(result.Remainder, SkipWhitespace(input.Source, result.Remainder.Position)))
                : Result.Failure<BibTexValuePart>(result.Remainder, result.Message, result.Expectations);
        };

    /// <summary>A parser for the text from the cursor to the index <paramref name="scan"/> returns.</summary>
    private static Parser<string> Scan(Func<string, int, int> scan, string expectation) =>
        input =>
        {
            var end = input.AtEnd ? input.Position : scan(input.Source, input.Position);
            if (end < input.Position || end == input.Position)
            {
                return Result.Failure<string>(input, $"expected {expectation}", [expectation]);
            }

            return Result.Success(input.Source[input.Position..end], Jump(input, end));
        };

    /// <summary>A parser for <paramref name="open"/> text close, where <paramref name="findClose"/> finds the closing character.</summary>
    private static Parser<string> Delimited(char open, Func<string, int, int> findClose, string expectation) =>
        input =>
        {
            if (input.AtEnd || input.Current != open)
            {
                return Result.Failure<string>(input, $"expected {expectation}", [expectation]);
            }

            var close = findClose(input.Source, input.Position + 1);
            if (close < 0)
            {
                return Result.Failure<string>(input, $"{expectation} is not closed", [expectation]);
            }

            return Result.Success(input.Source[(input.Position + 1)..close], Jump(input, close + 1));
        };

    private static IInput Jump(IInput input, int position)
    {
        if (input is BibTexInput bibInput)
        {
            return bibInput.AdvanceTo(position);
        }

        while (input.Position < position && !input.AtEnd)
        {
            input = input.Advance();
        }

        return input;
    }
}
