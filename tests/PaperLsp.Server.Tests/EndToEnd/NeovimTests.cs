using System.Diagnostics;
using Newtonsoft.Json.Linq;

namespace PaperLsp.Server.Tests.EndToEnd;

/// <summary>
/// The built server in a real editor: Neovim headless with its built-in LSP client runs nvim/e2e.lua on a copy of
/// examples/ (diagnostics, hover, completion accepted into the buffer, shutdown) and writes what it saw as JSON.
/// </summary>
public sealed class NeovimTests : IDisposable
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    private readonly string _examples = RepositoryLayout.CopyExamples();

    public void Dispose() => RepositoryLayout.DeleteCopy(_examples);

    [NeovimFact]
    public async Task Neovim_gets_diagnostics_hover_and_completion_from_paperlsp_on_the_examples()
    {
        Assert.True(NeovimLocator.Executable is not null, "nvim is not on PATH, and CI=true: the prerequisites (apt-get install -y neovim) must provide it.");
        Assert.True(File.Exists(RepositoryLayout.ServerDll), $"The server is not built at {RepositoryLayout.ServerDll}");
        var scratch = Path.GetDirectoryName(_examples)!;
        var resultFile = Path.Combine(scratch, "nvim-result.json");

        var (exitCode, output) = await RunNeovimAsync(scratch, resultFile);

        Assert.True(File.Exists(resultFile), $"e2e.lua wrote no result (nvim exit code {exitCode}). Output:\n{output}");
        var result = JObject.Parse(await File.ReadAllTextAsync(resultFile));
        var failures = ((JArray?)result["failures"])?.Select(f => (string)f!).ToList() ?? [];
        Assert.True(failures.Count == 0, "e2e.lua failed:\n" + string.Join("\n", failures) + $"\nResult: {result}\nOutput:\n{output}");
        Assert.Equal(0, exitCode);
        Assert.True((bool?)result["passed"]);

        Assert.Equal(
            [
                ("PN001", "[[Atention is all you need]]"),
                ("PN002", "@Devlin2019bert"),
                ("PN005", "7"),
                ("PN005", "finished"),
                ("PN006", "@paper [[Nyströmformer: A Nyström-Based Algorithm for Approximating Self-Attention]]"),
            ],
            result["diagnostics"]!.Select(d => ((string)d["code"]!, (string)d["text"]!)).OrderBy(d => d.Item1).ThenBy(d => d.Item2, StringComparer.Ordinal));
        Assert.Contains("The dominant sequence transduction models", (string?)result["hover"]);
        Assert.Equal("See [[Nyströmformer: A Nyström-Based Algorithm for Approximating Self-Attention]]", (string?)result["completed_line"]);
        Assert.Equal(0, (int?)result["server_exit"]?["code"]);
    }

    private static async Task<(int ExitCode, string Output)> RunNeovimAsync(string scratch, string resultFile)
    {
        var start = new ProcessStartInfo(NeovimLocator.Executable!)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = scratch,
        };
        foreach (var argument in new[] { "--headless", "--clean", "-u", "NONE", "-S", RepositoryLayout.NeovimScript })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["PAPERLSP_SERVER_CMD"] = new JArray("dotnet", RepositoryLayout.ServerDll, "serve", "--stdio").ToString(Newtonsoft.Json.Formatting.None);
        start.Environment["PAPERLSP_E2E_WORKSPACE"] = Path.Combine(scratch, "examples");
        start.Environment["PAPERLSP_E2E_RESULT"] = resultFile;
        // Neovim's lsp.log, shada and swap files go to the scratch folder, not the user's home.
        foreach (var variable in new[] { "XDG_STATE_HOME", "XDG_CACHE_HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME" })
        {
            start.Environment[variable] = Path.Combine(scratch, "xdg");
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("nvim did not start");
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Limit);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            Assert.Fail($"nvim did not finish within {Limit.TotalSeconds} s. Output:\n{await stdout}\n{await stderr}");
        }

        return (process.ExitCode, (await stdout) + (await stderr));
    }
}
