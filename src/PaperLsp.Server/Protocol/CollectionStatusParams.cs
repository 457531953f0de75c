using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace PaperLsp.Server.Protocol;

/// <summary>paperlsp/collectionStatus: state is loading, ready or error.</summary>
public sealed record CollectionStatusParams
{
    public required string State { get; init; }

    public int Papers { get; init; }

    public int Collections { get; init; }

    public int Problems { get; init; }

    public string Message { get; init; } = "";
}
