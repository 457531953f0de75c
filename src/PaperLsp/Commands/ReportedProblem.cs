using PaperLsp.Core.Collections;

namespace PaperLsp.Cli.Commands;

/// <summary>A problem as `paperlsp check` prints it: the path as the user gave it, 1-based line and column.</summary>
public sealed record ReportedProblem(
    string Path,
    int Line,
    int Column,
    int EndLine,
    int EndColumn,
    ProblemSeverity Severity,
    string Code,
    string Message);
