namespace PaperLsp.Core.Collections;

/// <summary>One operand of a field value's <c>#</c> concatenation, with its place in the file: <paramref name="Start"/> is
/// the index of <paramref name="Text"/>'s first character in the parsed text (inside the braces or quotes).</summary>
internal readonly record struct BibTexValuePart(BibTexValuePartKind Kind, string Text, int Line, int Column, int Start);
