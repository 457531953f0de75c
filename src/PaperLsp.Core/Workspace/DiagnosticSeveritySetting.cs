namespace PaperLsp.Core.Workspace;

/// <summary>What paperlsp.json may say of one diagnostic: its severity, or off.</summary>
public enum DiagnosticSeveritySetting
{
    Error,
    Warning,
    Information,
    Hint,
    Off,
}
