using System.Collections.Immutable;

namespace PaperLsp.Core.Collections;

/// <summary>
/// One paper of a collection, with every text already decoded from LaTeX to Unicode for display.
/// </summary>
public sealed record Paper
{
    /// <summary>The citation key: from the source, or generated (see <c>KeyGenerator</c>) when the source has none.</summary>
    public required string Key { get; init; }

    public required string Title { get; init; }

    /// <summary>Authors for display, "Given Family" each.</summary>
    public ImmutableArray<string> Authors { get; init; } = ImmutableArray<string>.Empty;

    public string? Year { get; init; }

    /// <summary>Journal, booktitle or container title.</summary>
    public string? Venue { get; init; }

    /// <summary>Read it with <see cref="PaperAbstract.Read"/> where it is shown: a .bib abstract stays in its file.</summary>
    public PaperAbstract? Abstract { get; init; }

    public string? Doi { get; init; }

    public string? Url { get; init; }

    public string? ArxivId { get; init; }

    /// <summary>The entry type as the source names it (article, inproceedings, …), lower case; null when the source has none.</summary>
    public string? EntryType { get; init; }

    /// <summary>Whether the key was generated rather than read from the source.</summary>
    public bool KeyIsGenerated { get; init; }

    public required SourceLocation Source { get; init; }

    /// <summary>Where else the same paper (equal normalized title) was found, when collections were merged.</summary>
    public ImmutableArray<SourceLocation> OtherSources { get; init; } = ImmutableArray<SourceLocation>.Empty;

    /// <summary>Other keys of the same paper from merged sources: they resolve to this paper too.</summary>
    public ImmutableArray<string> OtherKeys { get; init; } = ImmutableArray<string>.Empty;
}
