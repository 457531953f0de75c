using PaperLsp.Core.Collections;

namespace PaperLsp.Server.Workspace;

/// <summary>One file of a <see cref="CollectionPrefetch"/>: its stamp before the read, the read, and whether the reload wants it.</summary>
internal sealed class PrefetchedRead(FileStamp stamp)
{
    public FileStamp Stamp { get; } = stamp;

    public TaskCompletionSource<CollectionLoadResult> Result { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Null while undecided; true once the reload took it, false once it will not (then it is skipped if not begun).</summary>
    public bool? Wanted { get; set; }
}
