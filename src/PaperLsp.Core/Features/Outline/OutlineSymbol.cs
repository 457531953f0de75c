using System.Collections.Immutable;
using PaperLsp.Core.Text;

namespace PaperLsp.Core.Features.Outline;

/// <summary>One node of a notes file's outline: a heading with what it contains, an <c>@paper</c> entry, or one of its fields.</summary>
public sealed record OutlineSymbol(
    string Name,
    string? Detail,
    OutlineSymbolKind Kind,
    TextSpan Span,
    TextSpan SelectionSpan,
    ImmutableArray<OutlineSymbol> Children);
