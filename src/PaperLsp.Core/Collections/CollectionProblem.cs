namespace PaperLsp.Core.Collections;

/// <summary>A problem found while loading a collection file: 1-based line and column, a stable code (PN…).</summary>
public sealed record CollectionProblem(
    string FilePath,
    int Line,
    int Column,
    string Code,
    string Message,
    ProblemSeverity Severity = ProblemSeverity.Warning);
