using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace PaperLsp.Server.Protocol;

/// <summary>The LSP completion item kinds we use.</summary>
public enum CompletionItemKind
{
    Text = 1,
    Value = 12,
    Reference = 18,
    EnumMember = 20,
}
