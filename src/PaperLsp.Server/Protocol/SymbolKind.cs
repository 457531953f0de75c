using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace PaperLsp.Server.Protocol;

/// <summary>The LSP symbol kinds we use.</summary>
public enum SymbolKind
{
    File = 1,
    Module = 2,
    Namespace = 3,
    Class = 5,
    Field = 8,
    String = 15,
    Key = 20,
    Object = 19,
    Struct = 23,
}
