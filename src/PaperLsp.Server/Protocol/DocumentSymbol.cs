using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace PaperLsp.Server.Protocol;

/// <summary>An outline node.</summary>
public sealed record DocumentSymbol
{
    public required string Name { get; init; }

    public string? Detail { get; init; }

    public SymbolKind Kind { get; init; }

    public required Range Range { get; init; }

    public required Range SelectionRange { get; init; }

    public IReadOnlyList<DocumentSymbol>? Children { get; init; }
}
