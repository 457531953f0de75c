using PaperLsp.Core.Features.CodeActions;
using PaperLsp.Core.Text;
using PaperLsp.Server.Protocol;
using PaperLsp.Server.Workspace;

namespace PaperLsp.Server.Handlers.CodeAction;

/// <summary>textDocument/codeAction: the core's quick fixes as workspace edits, tied to the diagnostics they fix.</summary>
public static class CodeActionHandler
{
    public static IReadOnlyList<Protocol.CodeAction> Handle(RequestContext context, CodeActionParams parameters)
    {
        var document = context.Document(parameters.TextDocument.Uri);
        if (document is null)
        {
            return [];
        }

        var span = context.Positions.ToSpan(document.Text, parameters.Range);
        return CodeActionProvider.QuickFixes(context.Snapshot, document.Path, span).Select(fix => new Protocol.CodeAction
        {
            Title = fix.Title,
            Kind = "quickfix",
            IsPreferred = fix.IsPreferred ? true : null,
            Diagnostics = parameters.Context.Diagnostics.Where(d => d.Code == fix.DiagnosticCode).ToList(),
            Edit = new WorkspaceEdit
            {
                Changes = fix.Edits
                    .GroupBy(e => e.FilePath)
                    .ToDictionary(
                        g => context.UriOf(g.Key),
                        g => (IReadOnlyList<TextEdit>)g.Select(e => ToTextEdit(context, e)).ToList()),
            },
        }).ToList();
    }

    private static TextEdit ToTextEdit(RequestContext context, QuickFixEdit edit)
    {
        // Core edits are UTF-16 line/column; go through the document's text to honour the negotiated encoding.
        var text = context.Snapshot.GetDocument(edit.FilePath)?.Text;
        if (text is null)
        {
            return new TextEdit
            {
                Range = new Protocol.Range
                {
                    Start = new Position(edit.Start.Line, edit.Start.Character),
                    End = new Position(edit.End.Line, edit.End.Character),
                },
                NewText = edit.NewText,
            };
        }

        var span = TextSpan.FromBounds(text.Lines.GetOffset(edit.Start), text.Lines.GetOffset(edit.End));
        return new TextEdit { Range = context.Positions.ToRange(text, span), NewText = edit.NewText };
    }
}
