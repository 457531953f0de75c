namespace PaperLsp.Cli.Commands;

/// <summary>A problem with what the user asked for (a missing file, a broken paperlsp.json): one line on stderr, exit 2.</summary>
public sealed class UsageException(string message) : Exception(message);
