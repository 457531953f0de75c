namespace PaperLsp.Core.Tests.Cli;

/// <summary>Golden files: compared byte for byte; UPDATE_GOLDEN=1 rewrites them from the actual output instead.</summary>
internal static class Golden
{
    public static void Check(string name, string actual)
    {
        var path = Path.Combine(RepositoryRoot.CliTestsFolder, "Golden", name);
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(path, actual);
            return;
        }

        Assert.True(File.Exists(path), $"Golden file {path} is missing; run the tests with UPDATE_GOLDEN=1 to create it.");
        Assert.Equal(File.ReadAllText(path).ReplaceLineEndings("\n"), actual.ReplaceLineEndings("\n"));
    }
}
