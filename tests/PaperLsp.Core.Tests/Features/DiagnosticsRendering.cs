using PaperLsp.Core.Features.Diagnostics;
using PaperLsp.Core.Workspace;

namespace PaperLsp.Core.Tests.Features;

/// <summary>
/// Diagnostics as text, one per line: <c>line:col code severity `spanned text` message</c> (1-based, UTF-16 columns).
/// </summary>
public static class DiagnosticsRendering
{
    public static string Render(WorkspaceSnapshot snapshot, string path)
    {
        var document = snapshot.GetDocument(path)!;
        var lines = DiagnosticsProvider.Compute(snapshot, path).Select(d =>
        {
            var position = document.Text.Lines.GetPosition(d.Span.Start);
            return $"{position.Line + 1}:{position.Character + 1} {d.Code} {d.Severity} `{document.Text.ToString(d.Span)}` {d.Message}";
        });
        return string.Join("\n", lines);
    }
}
