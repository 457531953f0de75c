using PaperLsp.Core.Collections;

namespace PaperLsp.Cli.Commands;

/// <summary>
/// <c>paperlsp export [FILE…]</c>: the loaded collection (merged, LaTeX decoded) as CSL-JSON on stdout or into --output.
/// Problems with the input go to stderr; they do not stop the export of what loaded.
/// </summary>
public static class ExportCommand
{
    public static int Run(IReadOnlyList<string> files, string? outputPath, TextWriter output, TextWriter error)
    {
        var workspace = CommandWorkspace.Open(Directory.GetCurrentDirectory(), files);
        foreach (var problem in workspace.CollectionProblems())
        {
            error.WriteLine($"{CommandWorkspace.Display(problem.FilePath)}:{problem.Line}:{problem.Column}: {ProblemPrinter.SeverityWord(problem.Severity)} {problem.Code}: {problem.Message}");
        }

        if (outputPath is null)
        {
            CslJsonWriter.Write(workspace.Papers.Papers, output);
        }
        else
        {
            // Written next to the target and moved into place, so a failed export never leaves half a file.
            var full = Path.GetFullPath(outputPath);
            var temporary = full + ".tmp-" + Environment.ProcessId;
            try
            {
                using (var writer = new StreamWriter(temporary, false, new System.Text.UTF8Encoding(false)))
                {
                    CslJsonWriter.Write(workspace.Papers.Papers, writer);
                }

                File.Move(temporary, full, overwrite: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                File.Delete(temporary);
                throw new UsageException($"{outputPath}: cannot write: {e.Message}");
            }

            error.WriteLine($"Wrote {workspace.Papers.Count} paper{(workspace.Papers.Count == 1 ? string.Empty : "s")} to {outputPath}");
        }

        output.Flush();
        workspace.PersistCache();
        return ExitCodes.Success;
    }
}
