namespace PaperLsp.Server.Dispatch;

/// <summary>The client's $/setTrace value.</summary>
public enum TraceSetting
{
    Off,
    Messages,
    Verbose,
}
