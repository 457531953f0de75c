using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace PaperLsp.Server.Protocol;

/// <summary>client/registerCapability.</summary>
public sealed record RegistrationParams
{
    public required IReadOnlyList<Registration> Registrations { get; init; }
}
