using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace PaperLsp.Server.Protocol;

/// <summary>Multi-root support.</summary>
public sealed record WorkspaceFoldersServerCapabilities
{
    public bool Supported { get; init; }

    public bool ChangeNotifications { get; init; }
}
