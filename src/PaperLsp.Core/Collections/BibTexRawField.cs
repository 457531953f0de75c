namespace PaperLsp.Core.Collections;

/// <summary>A field as written: its name and the parts of its value before macros are resolved.</summary>
internal sealed record BibTexRawField(string Name, IReadOnlyList<BibTexValuePart> Parts);
