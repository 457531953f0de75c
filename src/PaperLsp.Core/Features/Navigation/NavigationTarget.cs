using PaperLsp.Core.Text;

namespace PaperLsp.Core.Features.Navigation;

/// <summary>A place to go: a span of a notes file, or a 1-based line of a collection file.</summary>
public sealed record NavigationTarget(string FilePath, TextSpan? Span, int? Line);
