using PaperLsp.Core.Features.Outline;
using PaperLsp.Core.Text;
using PaperLsp.Server.Conversion;
using PaperLsp.Server.Protocol;
using PaperLsp.Server.Workspace;

namespace PaperLsp.Server.Handlers.DocumentSymbol;

/// <summary>textDocument/documentSymbol: headings containing @paper entries containing their fields.</summary>
public static class DocumentSymbolHandler
{
    public static IReadOnlyList<Protocol.DocumentSymbol> Handle(RequestContext context, DocumentSymbolParams parameters)
    {
        var document = context.Document(parameters.TextDocument.Uri);
        return document is null
            ? []
            : DocumentSymbolProvider.Outline(context.Snapshot, document.Path).Select(s => ToLsp(s, document.Text, context.Positions)).ToList();
    }

    private static Protocol.DocumentSymbol ToLsp(OutlineSymbol symbol, SourceText text, LspPositions positions) => new()
    {
        Name = symbol.Name.Length == 0 ? "(untitled)" : symbol.Name,
        Detail = symbol.Detail,
        Kind = symbol.Kind switch
        {
            OutlineSymbolKind.Heading => SymbolKind.Namespace,
            OutlineSymbolKind.Entry => SymbolKind.Class,
            _ => SymbolKind.Field,
        },
        Range = positions.ToRange(text, symbol.Span),
        SelectionRange = positions.ToRange(text, symbol.SelectionSpan),
        Children = symbol.Children.IsDefaultOrEmpty ? null : symbol.Children.Select(c => ToLsp(c, text, positions)).ToList(),
    };
}
