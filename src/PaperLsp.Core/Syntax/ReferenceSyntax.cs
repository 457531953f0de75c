using PaperLsp.Core.Text;

namespace PaperLsp.Core.Syntax;

/// <summary>A reference to a paper: <c>[[Title]]</c> or <c>@key</c>.</summary>
public abstract record ReferenceSyntax(TextSpan Span)
{
    /// <summary>The same reference moved by <paramref name="delta"/> characters.</summary>
    internal abstract ReferenceSyntax ShiftedBy(int delta);
}
