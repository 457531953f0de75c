using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace PaperLsp.Server.Protocol;

/// <summary>Whether didSave carries the text.</summary>
public sealed record SaveOptions
{
    public bool IncludeText { get; init; }
}
