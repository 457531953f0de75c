using System.Buffers;
using System.Text;
using PaperLsp.Core.Text;
using Sprache;

namespace PaperLsp.Core.Syntax;

/// <summary>
/// The Sprache grammar of a notes line's start (comment, heading, entry header, field) and of references. Structure — marks,
/// delimiters, optional parts, alternatives — is written with Sprache combinators; runs of characters (indentation, field names,
/// titles, keys) are small hand-written <see cref="Parser{T}"/> delegates, because Sprache's <c>Many()</c> allocates an input
/// and a result per character, and a 10 MB line must parse in linear time with a small constant. Every parser here runs on a
/// <see cref="LineInput"/>, so none can read past its line.
/// </summary>
internal static class NotesGrammar
{
    /// <summary>Pandoc's internal punctuation of a citation key: kept only when a letter or digit follows.</summary>
    private const string KeyPunctuation = ":.#$%&-+?<>~/";

    private static readonly SearchValues<char> TitleStops = SearchValues.Create("|]");
    private static readonly SearchValues<char> AliasStops = SearchValues.Create("]");
    private static readonly SearchValues<char> BraceStops = SearchValues.Create("}");

    /// <summary>A possibly empty run of spaces and tabs.</summary>
    private static readonly Parser<TextSpan> Blanks = Run(rune => rune.Value is ' ' or '\t', minimum: 0);

    private static readonly Parser<char> Blank = Parse.Chars(' ', '\t');

    private static readonly Parser<TextSpan> FieldName = Run(rune => IsLetterOrDigit(rune) || rune.Value is '-' or '_', minimum: 1);

    /// <summary>A title runs to the first <c>|</c> or <c>]]</c>, or to the end of the line.</summary>
    private static readonly Parser<TextSpan> TitleText =
        Until(TitleStops, (source, i, end) => source[i] == '|' || IsDoubleBracket(source, i, end));

    /// <summary>An alias runs to the first <c>]]</c>, or to the end of the line.</summary>
    private static readonly Parser<TextSpan> AliasText = Until(AliasStops, IsDoubleBracket);

    /// <summary>A braced key runs to the first <c>}</c>, or to the end of the line.</summary>
    private static readonly Parser<TextSpan> BracedKeyText = Until(BraceStops, (_, _, _) => true);

    /// <summary>
    /// A pandoc citation key: a letter, digit or <c>_</c>, then letters, digits, <c>_</c> and internal punctuation followed by a
    /// letter or digit. Hand-written: the rule needs one code point of look-ahead and must handle surrogate pairs.
    /// </summary>
    private static readonly Parser<TextSpan> KeyText = input =>
    {
        var line = (LineInput)input;
        var source = line.Source;
        var i = line.Position;
        if (!TryKeyChar(source, i, line.End, out var width))
        {
            return Result.Failure<TextSpan>(input, "not a citation key", ["letter, digit or _"]);
        }

        i += width;
        while (i < line.End)
        {
            if (TryKeyChar(source, i, line.End, out width))
            {
                i += width;
            }
            else if (KeyPunctuation.Contains(source[i]) && IsLetterOrDigitAt(source, i + 1, line.End))
            {
                i++;
            }
            else
            {
                break;
            }
        }

        return Result.Success(TextSpan.FromBounds(line.Position, i), (IInput)line.AdvanceTo(i));
    };

    /// <summary><c>%</c> after optional blanks.</summary>
    public static readonly Parser<char> CommentStart =
        from indent in Blanks
        from mark in Parse.Char('%')
        select mark;

    /// <summary><c>#</c> … <c>######</c> then a space or tab; yields the level, the remainder is the heading's text.</summary>
    public static readonly Parser<int> HeadingStart =
        from indent in Blanks
        from marks in Parse.Char('#').Repeat(1, 6)
        from space in Blank
        select marks.Count();

    /// <summary><c>@paper</c> then a blank or the end of the line; yields the span of <c>@paper</c>.</summary>
    public static readonly Parser<TextSpan> EntryHeaderStart =
        from indent in Blanks
        from mark in Parse.String("@paper").Span()
        from separator in Blank.Return(true).Or(Parse.Return(true).End())
        select TextSpan.FromBounds(mark.Start.Pos, mark.End.Pos);

    /// <summary><c>name:</c> after optional blanks; yields the name's span, the remainder is the value.</summary>
    public static readonly Parser<TextSpan> FieldStart =
        from indent in Blanks
        from name in FieldName
        from colon in Parse.Char(':')
        select name;

    /// <summary><c>[[Title]]</c>, <c>[[Title|shown]]</c>, or an unterminated <c>[[…</c> running to the end of the line.</summary>
    public static readonly Parser<ParsedReference> TitleReference =
        (from open in Parse.String("[[")
         from title in WithText(TitleText)
         from alias in Parse.Char('|').Then(_ => WithText(AliasText)).Optional()
         from close in Parse.String("]]").Optional()
         select (Title: title, Alias: alias, IsTerminated: close.IsDefined))
        .Span()
        .Select(parsed =>
        {
            var span = TextSpan.FromBounds(parsed.Start.Pos, parsed.End.Pos);
            var (title, alias, isTerminated) = parsed.Value;
            var reference = new TitleReferenceSyntax(
                span,
                title.Span,
                title.Text,
                alias.IsDefined ? alias.Get().Span : null,
                alias.IsDefined ? alias.Get().Text : null,
                isTerminated);
            var error =
                !isTerminated ? new SyntaxError(span, NotesSyntaxErrorCodes.UnterminatedReference, UnterminatedTitleMessage)
                : string.IsNullOrWhiteSpace(title.Text) ? new SyntaxError(span, NotesSyntaxErrorCodes.EmptyReference, EmptyTitleMessage)
                : null;
            return new ParsedReference(reference, error);
        });

    /// <summary>
    /// <c>@{any key}</c>. The key is trimmed. An unterminated <c>@{</c> runs to the end of the line and is reported like an
    /// unterminated <c>[[</c> (PN003) — it is the same mistake, and completion can still offer keys there; <c>@{}</c> is an
    /// empty reference (PN004).
    /// </summary>
    public static readonly Parser<ParsedReference> BracedKeyReference =
        (from open in Parse.String("@{")
         from key in WithText(BracedKeyText)
         from close in Parse.Char('}').Optional()
         select (Key: key, IsTerminated: close.IsDefined))
        .Span()
        .Select(parsed =>
        {
            var span = TextSpan.FromBounds(parsed.Start.Pos, parsed.End.Pos);
            var (key, isTerminated) = parsed.Value;
            var leading = key.Text.Length - key.Text.TrimStart().Length;
            var trimmed = key.Text.Trim();
            var reference = new KeyReferenceSyntax(span, new TextSpan(key.Span.Start + leading, trimmed.Length), trimmed, IsBraced: true);
            var error =
                !isTerminated ? new SyntaxError(span, NotesSyntaxErrorCodes.UnterminatedReference, UnterminatedBracedKeyMessage)
                : trimmed.Length == 0 ? new SyntaxError(span, NotesSyntaxErrorCodes.EmptyReference, EmptyBracedKeyMessage)
                : null;
            return new ParsedReference(reference, error);
        });

    /// <summary><c>@key</c> (pandoc's key characters). The caller checks the character before the <c>@</c>.</summary>
    public static readonly Parser<ParsedReference> PlainKeyReference =
        (from at in Parse.Char('@')
         from key in WithText(KeyText)
         select key)
        .Span()
        .Select(parsed => new ParsedReference(
            new KeyReferenceSyntax(TextSpan.FromBounds(parsed.Start.Pos, parsed.End.Pos), parsed.Value.Span, parsed.Value.Text, IsBraced: false),
            null));

    public static readonly Parser<ParsedReference> KeyReference = BracedKeyReference.Or(PlainKeyReference);

    public static readonly Parser<ParsedReference> Reference = TitleReference.Or(KeyReference);

    /// <summary>The paper an <c>@paper</c> header names: optional blanks, then a reference.</summary>
    public static readonly Parser<ParsedReference> EntryTarget =
        from indent in Blanks
        from reference in Reference
        select reference;

    public const string UnterminatedTitleMessage = "Unterminated reference: `[[` has no closing `]]` on this line";
    public const string UnterminatedBracedKeyMessage = "Unterminated reference: `@{` has no closing `}` on this line";
    public const string EmptyTitleMessage = "Empty reference: write a paper title between `[[` and `]]`";
    public const string EmptyBracedKeyMessage = "Empty reference: write a citation key between `@{` and `}`";
    public const string EntryWithoutTargetMessage =
        "`@paper` must name the paper the note is about: `@paper [[Title]]` or `@paper @citekey`";

    /// <summary>True when a letter, digit or <c>_</c> ends just before <paramref name="index"/> on its line (pandoc: then an <c>@</c> is no citation).</summary>
    public static bool IsKeyCharBefore(string source, int index, int lineStart)
    {
        if (index <= lineStart)
        {
            return false;
        }

        Rune.DecodeLastFromUtf16(source.AsSpan(lineStart, index - lineStart), out var rune, out _);
        return IsLetterOrDigit(rune) || rune.Value == '_';
    }

    /// <summary>A cheap look-ahead before running Sprache: does an <c>@</c> at <paramref name="index"/> start a key reference?</summary>
    public static bool StartsKeyReference(string source, int index, int end) =>
        index + 1 < end && (source[index + 1] == '{' || TryKeyChar(source, index + 1, end, out _));

    private static bool IsDoubleBracket(string source, int i, int end) => source[i] == ']' && i + 1 < end && source[i + 1] == ']';

    private static bool IsLetterOrDigit(Rune rune) => Rune.IsLetter(rune) || Rune.IsDigit(rune);

    private static bool IsLetterOrDigitAt(string source, int i, int end)
    {
        if (i >= end)
        {
            return false;
        }

        Rune.DecodeFromUtf16(source.AsSpan(i, end - i), out var rune, out _);
        return IsLetterOrDigit(rune);
    }

    private static bool TryKeyChar(string source, int i, int end, out int width)
    {
        width = 0;
        if (i >= end)
        {
            return false;
        }

        // A lone surrogate decodes as U+FFFD, which is not a letter: it ends the key.
        Rune.DecodeFromUtf16(source.AsSpan(i, end - i), out var rune, out width);
        return IsLetterOrDigit(rune) || rune.Value == '_';
    }

    /// <summary>The longest run of code points matching <paramref name="predicate"/>; fails when shorter than <paramref name="minimum"/>.</summary>
    private static Parser<TextSpan> Run(Func<Rune, bool> predicate, int minimum) => input =>
    {
        var line = (LineInput)input;
        var i = line.Position;
        var count = 0;
        while (i < line.End)
        {
            Rune.DecodeFromUtf16(line.Source.AsSpan(i, line.End - i), out var rune, out var width);
            if (!predicate(rune))
            {
                break;
            }

            i += width;
            count++;
        }

        return count >= minimum
            ? Result.Success(TextSpan.FromBounds(line.Position, i), (IInput)line.AdvanceTo(i))
            : Result.Failure<TextSpan>(input, "unexpected character", ["name character"]);
    };

    /// <summary>Everything up to the first stop (a candidate character that <paramref name="stopsAt"/> confirms) or the line's end.</summary>
    private static Parser<TextSpan> Until(SearchValues<char> candidates, Func<string, int, int, bool> stopsAt) => input =>
    {
        var line = (LineInput)input;
        var source = line.Source;
        var i = line.Position;
        while (i < line.End)
        {
            var found = source.AsSpan(i, line.End - i).IndexOfAny(candidates);
            if (found < 0)
            {
                i = line.End;
                break;
            }

            i += found;
            if (stopsAt(source, i, line.End))
            {
                break;
            }

            i++;
        }

        return Result.Success(TextSpan.FromBounds(line.Position, i), (IInput)line.AdvanceTo(i));
    };

    private static Parser<(TextSpan Span, string Text)> WithText(Parser<TextSpan> parser) => input =>
    {
        var result = parser(input);
        return result.WasSuccessful
            ? Result.Success((result.Value, input.Source.Substring(result.Value.Start, result.Value.Length)), result.Remainder)
            : Result.Failure<(TextSpan, string)>(result.Remainder, result.Message, result.Expectations);
    };
}
