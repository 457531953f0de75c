using PaperLsp.Core.Workspace;
using PaperLsp.Server.Conversion;
using PaperLsp.Server.Dispatch;

namespace PaperLsp.Server.Workspace;

/// <summary>What a read request sees: the snapshot of its arrival, the position encoding and the client's features.</summary>
public sealed record RequestContext(WorkspaceSnapshot Snapshot, LspPositions Positions, ClientFeatures Client, Func<string, string> UriOf)
{
    /// <summary>The path of a notes document the snapshot holds, or null (unknown URI or not a file).</summary>
    public NotesDocument? Document(string uri)
    {
        var path = FileUri.ToPath(uri);
        return path is null ? null : Snapshot.GetDocument(path);
    }
}
