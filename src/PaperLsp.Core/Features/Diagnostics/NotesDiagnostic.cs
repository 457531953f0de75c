using PaperLsp.Core.Collections;
using PaperLsp.Core.Text;

namespace PaperLsp.Core.Features.Diagnostics;

/// <summary>A problem in a notes file. <see cref="Suggestions"/> are replacement texts a quick fix may offer, best first.</summary>
public sealed record NotesDiagnostic(TextSpan Span, string Code, ProblemSeverity Severity, string Message)
{
    public IReadOnlyList<string> Suggestions { get; init; } = Array.Empty<string>();
}
