namespace PaperLsp.Core.Syntax;

/// <summary>The stable codes of the syntax errors the notes parser reports (see the diagnostic code table).</summary>
public static class NotesSyntaxErrorCodes
{
    /// <summary>A <c>[[</c> (or <c>@{</c>) without its closing <c>]]</c> (or <c>}</c>) on the same line.</summary>
    public const string UnterminatedReference = "PN003";

    /// <summary><c>[[]]</c>, <c>[[  ]]</c> or <c>@{}</c>: a reference that names nothing.</summary>
    public const string EmptyReference = "PN004";

    /// <summary>An <c>@paper</c> header not followed by a title or key reference.</summary>
    public const string EntryWithoutTarget = "PN007";
}
