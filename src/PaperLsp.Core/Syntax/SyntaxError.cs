using PaperLsp.Core.Text;

namespace PaperLsp.Core.Syntax;

/// <summary>A syntax error of a notes file: a stable code (PN…), a message and the range it covers.</summary>
public sealed record SyntaxError(TextSpan Span, string Code, string Message)
{
    /// <summary>The same error moved by <paramref name="delta"/> characters.</summary>
    internal SyntaxError ShiftedBy(int delta) => this with { Span = SpanShift.By(Span, delta) };
}
