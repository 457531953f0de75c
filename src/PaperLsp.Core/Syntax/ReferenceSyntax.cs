using PaperLsp.Core.Text;

namespace PaperLsp.Core.Syntax;

/// <summary>A reference to a paper: <c>[[Title]]</c> or <c>@key</c>.</summary>
public abstract record ReferenceSyntax(TextSpan Span);
