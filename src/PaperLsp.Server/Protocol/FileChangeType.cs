using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace PaperLsp.Server.Protocol;

/// <summary>What happened to a watched file.</summary>
public enum FileChangeType
{
    Created = 1,
    Changed = 2,
    Deleted = 3,
}
