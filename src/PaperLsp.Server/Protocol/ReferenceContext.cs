using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace PaperLsp.Server.Protocol;

/// <summary>Whether textDocument/references includes the declaration.</summary>
public sealed record ReferenceContext
{
    public bool IncludeDeclaration { get; init; }
}
