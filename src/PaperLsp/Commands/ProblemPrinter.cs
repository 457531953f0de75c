using Newtonsoft.Json;
using PaperLsp.Core.Collections;

namespace PaperLsp.Cli.Commands;

/// <summary>Prints problems compiler-style (<c>path:line:col: warning PN001: message</c>) or as a JSON array.</summary>
public static class ProblemPrinter
{
    public static void Print(IReadOnlyList<ReportedProblem> problems, string format, TextWriter output)
    {
        if (format == "json")
        {
            using var json = new JsonTextWriter(output) { Formatting = Formatting.Indented, CloseOutput = false };
            json.WriteStartArray();
            foreach (var p in problems)
            {
                json.WriteStartObject();
                Write(json, "path", p.Path);
                Write(json, "line", p.Line);
                Write(json, "column", p.Column);
                Write(json, "endLine", p.EndLine);
                Write(json, "endColumn", p.EndColumn);
                Write(json, "severity", SeverityWord(p.Severity));
                Write(json, "code", p.Code);
                Write(json, "message", p.Message);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.Flush();
            output.WriteLine();
            return;
        }

        foreach (var p in problems)
        {
            output.WriteLine($"{p.Path}:{p.Line}:{p.Column}: {SeverityWord(p.Severity)} {p.Code}: {p.Message}");
        }
    }

    public static string SeverityWord(ProblemSeverity severity) => severity switch
    {
        ProblemSeverity.Error => "error",
        ProblemSeverity.Warning => "warning",
        ProblemSeverity.Information => "info",
        _ => "hint",
    };

    /// <summary>"2 errors, 3 warnings in 4 files" — the closing line of `check`.</summary>
    public static string Summary(IReadOnlyList<ReportedProblem> problems, int fileCount)
    {
        var errors = problems.Count(p => p.Severity == ProblemSeverity.Error);
        var warnings = problems.Count(p => p.Severity == ProblemSeverity.Warning);
        var others = problems.Count - errors - warnings;
        var parts = new List<string> { Plural(errors, "error"), Plural(warnings, "warning") };
        if (others > 0)
        {
            parts.Add(Plural(others, "note"));
        }

        return $"{string.Join(", ", parts)} in {Plural(fileCount, "notes file")}";
    }

    private static string Plural(int count, string word) => $"{count} {word}{(count == 1 ? string.Empty : "s")}";

    private static void Write(JsonTextWriter json, string name, object value)
    {
        json.WritePropertyName(name);
        json.WriteValue(value);
    }
}
