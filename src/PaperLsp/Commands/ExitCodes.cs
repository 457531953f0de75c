namespace PaperLsp.Cli.Commands;

/// <summary>The command's exit codes, as compilers use them.</summary>
public static class ExitCodes
{
    public const int Success = 0;
    public const int ProblemsFound = 1;
    public const int UsageError = 2;
}
