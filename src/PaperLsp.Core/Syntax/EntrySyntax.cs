using System.Collections.Immutable;
using PaperLsp.Core.Text;

namespace PaperLsp.Core.Syntax;

/// <summary>
/// <c>@paper [[Title]]</c> or <c>@paper @key</c> with the fields below it. <see cref="Span"/> runs from the header to the end of
/// the last field; <see cref="Target"/> is null when the header names no paper (a syntax error says so).
/// </summary>
public sealed record EntrySyntax(
    TextSpan Span,
    TextSpan HeaderSpan,
    ReferenceSyntax? Target,
    ImmutableArray<FieldSyntax> Fields) : NotesBlockSyntax(Span)
{
    public override ImmutableArray<ReferenceSyntax> References => CollectReferences();

    private ImmutableArray<ReferenceSyntax> CollectReferences()
    {
        var references = ImmutableArray.CreateBuilder<ReferenceSyntax>();
        if (Target is not null)
        {
            references.Add(Target);
        }

        foreach (var field in Fields)
        {
            references.AddRange(field.ValueReferences);
        }

        return references.DrainToImmutable();
    }

    internal override NotesBlockSyntax ShiftedBy(int delta)
    {
        var fields = ImmutableArray.CreateBuilder<FieldSyntax>(Fields.Length);
        foreach (var field in Fields)
        {
            fields.Add(field.ShiftedBy(delta));
        }

        return new EntrySyntax(SpanShift.By(Span, delta), SpanShift.By(HeaderSpan, delta), Target?.ShiftedBy(delta), fields.MoveToImmutable());
    }

    public FieldSyntax? Field(string name) =>
        Fields.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase));
}
