using PaperLsp.Core.Collections;

namespace PaperLsp.Core.Features.Diagnostics;

/// <summary>One stable diagnostic code: PN001 …, its configuration name, what it means and its default severity.</summary>
public sealed record DiagnosticCode(string Code, string Name, ProblemSeverity DefaultSeverity, string Summary);
