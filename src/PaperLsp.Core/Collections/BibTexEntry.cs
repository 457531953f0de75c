namespace PaperLsp.Core.Collections;

/// <summary>
/// One entry of a .bib file with its macros resolved and <c>#</c> concatenations joined; values are still LaTeX.
/// Field names are case-insensitive; a field given twice keeps its first value, as BibTeX does.
/// </summary>
public sealed record BibTexEntry(string Type, string Key, int Line, IReadOnlyDictionary<string, string> Fields)
{
    public string? Field(string name) => Fields.TryGetValue(name, out var value) ? value : null;
}
