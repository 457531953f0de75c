using PaperLsp.Cli;

namespace PaperLsp.Core.Tests.Cli;

/// <summary>One run of the <c>paperlsp</c> command in-process: its exit code and what it printed.</summary>
internal sealed record CommandRun(int ExitCode, string Output, string Error)
{
    /// <summary>Runs the command as a user would from <paramref name="workingDirectory"/>; paths in args are relative to it.</summary>
    public static CommandRun Start(string workingDirectory, params string[] args) =>
        StartWith(new Dictionary<string, string?>(), workingDirectory, args);

    /// <summary>As <see cref="Start"/>, with these environment variables set for the run (null removes one).</summary>
    public static CommandRun StartWith(IReadOnlyDictionary<string, string?> environment, string workingDirectory, params string[] args)
    {
        // The command reads the current directory (relative paths, paperlsp.json search); tests that use it share one lock.
        lock (WorkingDirectoryLock)
        {
            var previous = Directory.GetCurrentDirectory();
            var previousEnvironment = environment.Keys.ToDictionary(name => name, Environment.GetEnvironmentVariable);
            Directory.SetCurrentDirectory(workingDirectory);
            foreach (var (name, value) in environment)
            {
                Environment.SetEnvironmentVariable(name, value);
            }

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
                foreach (var (name, value) in previousEnvironment)
                {
                    Environment.SetEnvironmentVariable(name, value);
                }
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
