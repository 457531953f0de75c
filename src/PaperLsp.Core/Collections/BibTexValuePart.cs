namespace PaperLsp.Core.Collections;

/// <summary>One operand of a field value's <c>#</c> concatenation, with its place in the file.</summary>
internal readonly record struct BibTexValuePart(BibTexValuePartKind Kind, string Text, int Line, int Column);
