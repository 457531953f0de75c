namespace PaperLsp.Server.Dispatch;

/// <summary>Where the server is in LSP's initialize → shutdown → exit sequence.</summary>
public enum ServerLifecycle
{
    NotInitialized,
    Initialized,
    ShutDown,
    Exited,
}
