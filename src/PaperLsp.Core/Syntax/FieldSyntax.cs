using System.Collections.Immutable;
using PaperLsp.Core.Text;

namespace PaperLsp.Core.Syntax;

/// <summary>
/// <c>name: value</c> under an entry header. <see cref="Name"/> is lower-cased for lookup; <see cref="ValueSpan"/> is the value
/// trimmed (empty at the end of the line when there is no value). <see cref="ValueReferences"/> holds the references of a
/// <c>related:</c> value.
/// </summary>
public sealed record FieldSyntax(
    TextSpan Span,
    TextSpan NameSpan,
    string Name,
    TextSpan ValueSpan,
    string Value,
    ImmutableArray<ReferenceSyntax> ValueReferences)
{
    /// <summary>The same field moved by <paramref name="delta"/> characters.</summary>
    internal FieldSyntax ShiftedBy(int delta) => new(
        SpanShift.By(Span, delta), SpanShift.By(NameSpan, delta), Name, SpanShift.By(ValueSpan, delta), Value, SpanShift.By(ValueReferences, delta));
}
