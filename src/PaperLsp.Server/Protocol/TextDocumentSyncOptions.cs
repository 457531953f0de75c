using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace PaperLsp.Server.Protocol;

/// <summary>Document synchronization the server wants.</summary>
public sealed record TextDocumentSyncOptions
{
    public bool OpenClose { get; init; }

    public TextDocumentSyncKind Change { get; init; }

    public SaveOptions? Save { get; init; }
}
