namespace PaperLsp.Server.Dispatch;

/// <summary>
/// Mutations run entirely at arrival, one at a time, in order; reads take the snapshot of their arrival and then run
/// concurrently on the thread pool.
/// </summary>
public enum RequestKind
{
    Read,
    Mutation,
}
