using System.Diagnostics;

namespace PaperLsp.Cli.Commands;

/// <summary>
/// <c>paperlsp serve</c> in the Native AOT build. The language server's JSON-RPC (StreamJsonRpc, Newtonsoft.Json) reflects
/// over types the native build trims away, so the native binary, which serves check, search and export itself, runs the
/// .NET build published beside it (<c>dotnet paperlsp.dll serve …</c>, scripts/publish-native.sh puts it there) with its
/// standard streams inherited, and exits with its exit code: the same <c>paperlsp serve</c> either way.
/// </summary>
public static class ServeHandoff
{
    /// <summary>The .NET build's assembly, beside the native binary.</summary>
    public const string ServerAssembly = "paperlsp.dll";

    public static int Run(IReadOnlyList<string> arguments, TextWriter error)
    {
        var server = Path.Combine(AppContext.BaseDirectory, ServerAssembly);
        if (!File.Exists(server))
        {
            error.WriteLine($"paperlsp: this native build runs check, search and export; the language server is the .NET build, and {server} is missing (scripts/publish-native.sh publishes both into one folder)");
            return ExitCodes.UsageError;
        }

        var start = new ProcessStartInfo(DotnetHost()) { UseShellExecute = false };
        start.ArgumentList.Add(server);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            using var process = Process.Start(start)!;
            process.WaitForExit();
            return process.ExitCode;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            error.WriteLine($"paperlsp: cannot start the language server with '{start.FileName}' ({e.Message}); install the .NET 10 runtime or set DOTNET_ROOT");
            return ExitCodes.UsageError;
        }
    }

    /// <summary>DOTNET_ROOT's <c>dotnet</c> when it has one (as the apphost looks for it), else <c>dotnet</c> on PATH.</summary>
    private static string DotnetHost()
    {
        var name = OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet";
        var root = Environment.GetEnvironmentVariable("DOTNET_ROOT");
        return root is { Length: > 0 } && File.Exists(Path.Combine(root, name)) ? Path.Combine(root, name) : name;
    }
}
