using PaperLsp.Core.Collections;
using PaperLsp.Core.Features.Diagnostics;
using PaperLsp.Core.Text;
using PaperLsp.Core.Workspace;

namespace PaperLsp.Cli.Commands;

/// <summary>
/// <c>paperlsp check [PATH…]</c>: the diagnostics of notes files (directories are searched for *.pnotes) and of the
/// collections their paperlsp.json names. Exit 0 with only warnings, 1 with errors (or any problem with --strict).
/// </summary>
public static class CheckCommand
{
    public static int Run(IReadOnlyList<string> paths, IReadOnlyList<string> collections, bool strict, string format, TextWriter output, TextWriter error)
    {
        var files = NotesFiles(paths.Count == 0 ? ["."] : paths);
        var problems = new List<ReportedProblem>();
        var workspaces = new Dictionary<string, (CommandWorkspace Workspace, WorkspaceSnapshot Snapshot)>(StringComparer.Ordinal);
        foreach (var group in files.GroupBy(f => ConfigurationLoader.FindUpwards(Path.GetDirectoryName(f.FullPath)!) ?? Path.GetDirectoryName(f.FullPath)!))
        {
            if (!workspaces.TryGetValue(group.Key, out var opened))
            {
                var workspace = CommandWorkspace.Open(Path.GetDirectoryName(group.First().FullPath)!, collections);
                var snapshot = WorkspaceSnapshot.Empty.WithConfiguration(workspace.Configuration).WithPapers(workspace.Papers);
                foreach (var notes in NotesDiscovery.Find(workspace.Root).Concat(group.Select(g => g.FullPath)).Distinct(StringComparer.Ordinal))
                {
                    snapshot = snapshot.WithDocument(NotesDocument.Create(notes, ReadNotes(notes), null, false));
                }

                workspaces[group.Key] = opened = (workspace, snapshot);
                problems.AddRange(workspace.ConfigurationProblems.Concat(workspace.CollectionProblems()).Select(Report));
            }

            foreach (var file in group)
            {
                var document = opened.Snapshot.GetDocument(file.FullPath)!;
                problems.AddRange(DiagnosticsProvider.Compute(opened.Snapshot, file.FullPath).Select(d => Report(file.Display, document.Text, d)));
            }
        }

        ProblemPrinter.Print(problems, format, output);
        if (format == "text")
        {
            error.WriteLine(ProblemPrinter.Summary(problems, files.Count));
        }

        output.Flush();
        foreach (var (workspace, _) in workspaces.Values)
        {
            workspace.PersistCache();
        }

        var failing = strict ? problems.Count > 0 : problems.Any(p => p.Severity == ProblemSeverity.Error);
        return failing ? ExitCodes.ProblemsFound : ExitCodes.Success;
    }

    /// <summary>The notes files to check: files as given, directories searched; each with the path to print.</summary>
    private static List<(string Display, string FullPath)> NotesFiles(IReadOnlyList<string> paths)
    {
        var files = new List<(string, string)>();
        foreach (var path in paths)
        {
            var full = Path.GetFullPath(path);
            if (Directory.Exists(full))
            {
                files.AddRange(NotesDiscovery.Find(full).Select(f => (Path.Join(path, Path.GetRelativePath(full, f)), f)));
            }
            else
            {
                files.Add((path, CommandWorkspace.RequireReadable(path, "notes")));
            }
        }

        return files.DistinctBy(f => f.Item2).ToList();
    }

    private static SourceText ReadNotes(string path)
    {
        try
        {
            return SourceText.FromFile(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"{CommandWorkspace.Display(path)}: cannot read notes file: {e.Message}");
        }
    }

    private static ReportedProblem Report(string display, SourceText text, NotesDiagnostic diagnostic)
    {
        var start = text.Lines.GetPosition(diagnostic.Span.Start);
        var end = text.Lines.GetPosition(diagnostic.Span.End);
        return new ReportedProblem(display, start.Line + 1, start.Character + 1, end.Line + 1, end.Character + 1, diagnostic.Severity, diagnostic.Code, diagnostic.Message);
    }

    private static ReportedProblem Report(CollectionProblem problem) =>
        new(CommandWorkspace.Display(problem.FilePath), problem.Line, problem.Column, problem.Line, problem.Column, problem.Severity, problem.Code, problem.Message);
}
