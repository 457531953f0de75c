namespace PaperLsp.Core.Collections;

internal enum BibTexValuePartKind
{
    /// <summary>A braced or quoted string, or a bare number: the text as written.</summary>
    Literal,

    /// <summary>A bare word: an <c>@string</c> macro to look up.</summary>
    Macro,
}
