namespace PaperLsp.Server.Tests.EndToEnd;

/// <summary>
/// Where the end-to-end tests find the repository, the built <c>paperlsp</c> and the examples: found from the test
/// assembly's folder (…/tests/PaperLsp.Server.Tests/bin/&lt;Configuration&gt;/net10.0/) by walking up to PaperLsp.sln.
/// </summary>
internal static class RepositoryLayout
{
    public static string Root { get; } = FindRoot();

    /// <summary>The configuration the tests were built with; the server was built alongside (the project references it).</summary>
    public static string Configuration { get; } = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;

    public static string ServerDll => Path.Combine(Root, "src", "PaperLsp", "bin", Configuration, "net10.0", "paperlsp.dll");

    public static string Examples => Path.Combine(Root, "examples");

    public static string NeovimScript => Path.Combine(Root, "tests", "PaperLsp.Server.Tests", "EndToEnd", "nvim", "e2e.lua");

    /// <summary>Copies examples/ into a fresh temporary folder, so a test can edit and the server can watch it freely.</summary>
    public static string CopyExamples()
    {
        var target = Path.Combine(Path.GetTempPath(), "paperlsp-e2e-" + Guid.NewGuid().ToString("N")[..12], "examples");
        Directory.CreateDirectory(target);
        foreach (var file in Directory.EnumerateFiles(Examples))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        }

        return target;
    }

    /// <summary>Deletes the temporary folder <see cref="CopyExamples"/> made (its parent), ignoring what cannot be deleted.</summary>
    public static void DeleteCopy(string examplesCopy)
    {
        try
        {
            Directory.Delete(Path.GetDirectoryName(examplesCopy)!, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a dying process; the temp folder is cleaned some other day.
        }
    }

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "PaperLsp.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No PaperLsp.sln above {AppContext.BaseDirectory}");
    }
}
