using PaperLsp.Server.Protocol;

namespace PaperLsp.Server;

/// <summary>Feature registration and workspace wiring (filled in once the core API is there).</summary>
internal sealed partial class LanguageServer
{
    private void RegisterFeatures()
    {
    }

    private void OnInitialize(InitializeParams parameters)
    {
    }

    private void OnInitialized()
    {
    }

    private void StopBackgroundWork()
    {
    }
}
