using PaperLsp.Core.Features.Hover;
using PaperLsp.Server.Protocol;
using PaperLsp.Server.Workspace;

namespace PaperLsp.Server.Handlers.Hover;

/// <summary>textDocument/hover: the core's markdown with the range it is about.</summary>
public static class HoverHandler
{
    public static Protocol.Hover? Handle(RequestContext context, TextDocumentPositionParams parameters)
    {
        var document = context.Document(parameters.TextDocument.Uri);
        if (document is null)
        {
            return null;
        }

        var result = HoverProvider.Hover(context.Snapshot, document.Path, context.Positions.ToOffset(document.Text, parameters.Position));
        return result is null
            ? null
            : new Protocol.Hover
            {
                Contents = new MarkupContent { Value = result.Markdown },
                Range = context.Positions.ToRange(document.Text, result.Span),
            };
    }
}
