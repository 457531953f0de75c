namespace PaperLsp.Core.Collections;

internal enum BibTexChunkKind
{
    Entry,
    String,
    Preamble,
    Comment,

    /// <summary>An entry whose end could not be found (unbalanced braces, missing delimiter): skipped.</summary>
    Broken,
}
