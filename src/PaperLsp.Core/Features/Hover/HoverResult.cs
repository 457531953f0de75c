using PaperLsp.Core.Text;

namespace PaperLsp.Core.Features.Hover;

/// <summary>Markdown for the thing under the cursor and the span it covers.</summary>
public sealed record HoverResult(TextSpan Span, string Markdown);
