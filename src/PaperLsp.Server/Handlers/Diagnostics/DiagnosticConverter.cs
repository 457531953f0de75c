using PaperLsp.Core.Collections;
using PaperLsp.Core.Features.Diagnostics;
using PaperLsp.Core.Text;
using PaperLsp.Server.Conversion;
using PaperLsp.Server.Protocol;
using Range = PaperLsp.Server.Protocol.Range;

namespace PaperLsp.Server.Handlers.Diagnostics;

/// <summary>Core diagnostics and collection problems to LSP diagnostics, with the code's help link.</summary>
public static class DiagnosticConverter
{
    public const string Source = "paperlsp";

    public static Diagnostic ToLsp(NotesDiagnostic diagnostic, SourceText text, LspPositions positions) => new()
    {
        Range = positions.ToRange(text, diagnostic.Span),
        Severity = (DiagnosticSeverity)(int)diagnostic.Severity,
        Code = diagnostic.Code,
        CodeDescription = new CodeDescription { Href = DiagnosticCodes.HelpUrl(diagnostic.Code) },
        Source = Source,
        Message = diagnostic.Message,
    };

    /// <summary>A problem in a file we hold no text of: its 1-based line and column, as a point.</summary>
    public static Diagnostic ToLsp(CollectionProblem problem)
    {
        var position = new Position(Math.Max(0, problem.Line - 1), Math.Max(0, problem.Column - 1));
        return new Diagnostic
        {
            Range = new Range { Start = position, End = position },
            Severity = (DiagnosticSeverity)(int)problem.Severity,
            Code = problem.Code,
            CodeDescription = new CodeDescription { Href = DiagnosticCodes.HelpUrl(problem.Code) },
            Source = Source,
            Message = problem.Message,
        };
    }
}
