using PaperLsp.Core.Features.Diagnostics;
using PaperLsp.Server.Protocol;
using PaperLsp.Server.Workspace;

namespace PaperLsp.Server.Handlers.Diagnostics;

/// <summary>textDocument/diagnostic (pull model): always a full report of the snapshot the request arrived with.</summary>
public static class DocumentDiagnosticHandler
{
    public static FullDocumentDiagnosticReport Handle(RequestContext context, DocumentDiagnosticParams parameters, CancellationToken cancellationToken)
    {
        var document = context.Document(parameters.TextDocument.Uri);
        if (document is null)
        {
            return new FullDocumentDiagnosticReport { Items = [] };
        }

        var items = DiagnosticsProvider.Compute(context.Snapshot, document.Path, cancellationToken)
            .Select(d => DiagnosticConverter.ToLsp(d, document.Text, context.Positions))
            .ToList();
        return new FullDocumentDiagnosticReport { Items = items };
    }
}
