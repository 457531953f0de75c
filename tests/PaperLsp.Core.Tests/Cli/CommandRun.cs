using PaperLsp.Cli;

namespace PaperLsp.Core.Tests.Cli;

/// <summary>One run of the <c>paperlsp</c> command in-process: its exit code and what it printed.</summary>
internal sealed record CommandRun(int ExitCode, string Output, string Error)
{
    /// <summary>Runs the command as a user would from <paramref name="workingDirectory"/>; paths in args are relative to it.</summary>
    public static CommandRun Start(string workingDirectory, params string[] args)
    {
        // The command reads the current directory (relative paths, paperlsp.json search); tests that use it share one lock.
        lock (WorkingDirectoryLock)
        {
            var previous = Directory.GetCurrentDirectory();
            Directory.SetCurrentDirectory(workingDirectory);
            try
            {
                var output = new StringWriter { NewLine = "\n" };
                var error = new StringWriter { NewLine = "\n" };
                var code = Program.Run(args, output, error);
                return new CommandRun(code, output.ToString(), error.ToString());
            }
            finally
            {
                Directory.SetCurrentDirectory(previous);
            }
        }
    }

    private static readonly object WorkingDirectoryLock = new();

    /// <summary>The command keeps a collection cache in the user's cache folder; tests keep theirs in a folder of their own.</summary>
    static CommandRun()
    {
        Environment.SetEnvironmentVariable("PAPERLSP_CACHE_DIR", Directory.CreateTempSubdirectory("paperlsp-test-cache-").FullName);
    }
}
