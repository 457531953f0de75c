namespace PaperLsp.Core.Matching;

/// <summary>
/// Every paper a folded query matches, known because the search kept all of them (fewer than its limit). A query that
/// extends it (typed on: the same text and more) matches a subset of these papers, so the next keystroke scores only
/// them instead of the collection; see <see cref="Narrows"/> for the one exception.
/// </summary>
internal sealed record CompleteMatches(string Folded, string[] Words, int[] PaperIds)
{
    /// <summary>
    /// Whether every match of <paramref name="query"/> is among these papers: its text extends this one, and the word
    /// that grew has no digit. A word matches a paper's year only when equal to it, so "202" may miss papers that
    /// "2021" matches through their year alone; every other way a word matches (substring, subsequence in a tight window,
    /// initials) holds for its prefixes too, and added words only add conditions.
    /// </summary>
    public bool Narrows(SearchQuery query)
    {
        if (!query.Folded.StartsWith(Folded, StringComparison.Ordinal))
        {
            return false;
        }

        var grown = query.Words[Words.Length - 1];
        return grown == Words[^1] || !grown.Any(char.IsAsciiDigit);
    }
}
