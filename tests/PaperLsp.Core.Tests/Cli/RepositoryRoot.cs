namespace PaperLsp.Core.Tests.Cli;

/// <summary>The repository's folders, found from the test assembly upwards (the folder holding PaperLsp.sln).</summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    public static string Examples => System.IO.Path.Combine(Path, "examples");

    /// <summary>The source folder of this test class (golden files live beside the tests, not in bin/).</summary>
    public static string CliTestsFolder => System.IO.Path.Combine(Path, "tests", "PaperLsp.Core.Tests", "Cli");

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "PaperLsp.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("PaperLsp.sln not found above " + AppContext.BaseDirectory);
    }
}
