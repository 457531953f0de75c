namespace PaperLsp.Benchmarks.Generation;

/// <summary>An @string macro of the cryptobib abbreviations: its name and the venue it expands to (decoded).</summary>
public sealed record VenueMacro(string Name, string Venue);
