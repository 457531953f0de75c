namespace PaperLsp.Core.Matching;

/// <summary>A ranked search result: the position of the paper in its index and its score (higher is better).</summary>
public readonly record struct SearchHit(int PaperId, int Score);
