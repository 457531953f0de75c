using System.Diagnostics.CodeAnalysis;

namespace PaperLsp.Core.Collections;

/// <summary>
/// A paper's abstract. Abstracts are most of a collection's text and are shown for one paper at a time, so a .bib
/// or plain-listing abstract stays in its file (<see cref="BibTexFileAbstract"/>, <see cref="ListingFileAbstract"/>) and
/// is read when shown; other abstracts are held as text (<see cref="InlineAbstract"/>). <see cref="Read"/> may read the file: call it where the abstract is shown,
/// never while loading or indexing.
/// </summary>
public abstract record PaperAbstract
{
    /// <summary>An abstract held as text; null for null or blank text (a blank abstract is no abstract).</summary>
    public static PaperAbstract? FromText(string? text) => string.IsNullOrWhiteSpace(text) ? null : new InlineAbstract(text);

    /// <summary>The abstract decoded for display, or null when it can no longer be read as it was loaded (the file changed
    /// or went away: the collection is about to be reloaded) or decodes to nothing. Never throws.</summary>
    public abstract string? Read();

    public bool TryRead([NotNullWhen(true)] out string? text)
    {
        text = Read();
        return text is not null;
    }
}
