namespace PaperLsp.Core.Matching;

/// <summary>
/// What one search did, for the benchmarks' replay (<c>completion-replay --counters on</c>): how many papers each stage of
/// <see cref="PaperSearchIndex"/>'s scan passed on or scored. Slices of a parallel scan add theirs at the end.
/// </summary>
internal sealed class SearchCounters
{
    private long _startCandidates;
    private long _startScored;
    private long _maskPassed;
    private long _boundRejected;
    private long _substringChecked;
    private long _substringScored;
    private long _tiered;
    private long _tiersVisited;
    private long _tierScored;
    private long _tierFieldRejected;

    /// <summary>Papers whose mask held the query's characters and title start (read to check the title starts with the query).</summary>
    public long StartCandidates => _startCandidates;

    /// <summary>Papers whose title starts with the query, scored before the scan.</summary>
    public long StartScored => _startScored;

    /// <summary>Papers whose mask held every character of the query (in the scan).</summary>
    public long MaskPassed => _maskPassed;

    /// <summary>Of those, rejected by their bound against a full heap before any text was read.</summary>
    public long BoundRejected => _boundRejected;

    /// <summary>Papers whose pair filter allowed every word, then searched for each word as a substring.</summary>
    public long SubstringChecked => _substringChecked;

    /// <summary>Of those, the ones where every word was a substring, scored at once.</summary>
    public long SubstringScored => _substringScored;

    /// <summary>Papers put in a tier for later.</summary>
    public long Tiered => _tiered;

    /// <summary>Tiers scored before a tier's bound ended the search.</summary>
    public long TiersVisited => _tiersVisited;

    /// <summary>Papers of the visited tiers rejected because no field's mask holds a word the tier rules out as a substring.</summary>
    public long TierFieldRejected => _tierFieldRejected;

    /// <summary>Papers of the visited tiers that reached the scorer.</summary>
    public long TierScored => _tierScored;

    /// <summary>Whether the title-start pass answered the query alone (no scan).</summary>
    public bool EndedAfterStart { get; set; }

    /// <summary>Whether the search scored only the previous query's complete matches.</summary>
    public bool Narrowed { get; set; }

    public void Add(long startCandidates, long startScored, long maskPassed, long boundRejected, long substringChecked, long substringScored, long tiered, long tiersVisited, long tierScored, long tierFieldRejected = 0)
    {
        Interlocked.Add(ref _tierFieldRejected, tierFieldRejected);
        Interlocked.Add(ref _startCandidates, startCandidates);
        Interlocked.Add(ref _startScored, startScored);
        Interlocked.Add(ref _maskPassed, maskPassed);
        Interlocked.Add(ref _boundRejected, boundRejected);
        Interlocked.Add(ref _substringChecked, substringChecked);
        Interlocked.Add(ref _substringScored, substringScored);
        Interlocked.Add(ref _tiered, tiered);
        Interlocked.Add(ref _tiersVisited, tiersVisited);
        Interlocked.Add(ref _tierScored, tierScored);
    }

    public override string ToString() =>
        $"start {StartCandidates}/{StartScored}{(EndedAfterStart ? " (ended)" : string.Empty)}{(Narrowed ? " narrowed" : string.Empty)}; " +
        $"mask {MaskPassed}, bound-rejected {BoundRejected}, substring-checked {SubstringChecked}, scored {SubstringScored}; " +
        $"tiered {Tiered}, tiers visited {TiersVisited}, field-rejected {TierFieldRejected}, tier-scored {TierScored}";
}
