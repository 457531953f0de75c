using System.Collections.Immutable;
using PaperLsp.Core.Features.Navigation;
using PaperLsp.Server.Conversion;
using PaperLsp.Server.Protocol;
using PaperLsp.Server.Workspace;

namespace PaperLsp.Server.Handlers.Navigation;

/// <summary>textDocument/definition and textDocument/references: core navigation targets to LSP locations.</summary>
public static class NavigationHandler
{
    public static IReadOnlyList<Location> Definition(RequestContext context, TextDocumentPositionParams parameters)
    {
        var document = context.Document(parameters.TextDocument.Uri);
        return document is null
            ? []
            : ToLocations(context, DefinitionProvider.Find(context.Snapshot, document.Path, context.Positions.ToOffset(document.Text, parameters.Position)));
    }

    public static IReadOnlyList<Location> References(RequestContext context, ReferenceParams parameters)
    {
        var document = context.Document(parameters.TextDocument.Uri);
        return document is null
            ? []
            : ToLocations(context, ReferencesProvider.Find(
                context.Snapshot, document.Path, context.Positions.ToOffset(document.Text, parameters.Position), parameters.Context.IncludeDeclaration));
    }

    /// <summary>Notes targets carry a span in a document the snapshot holds; collection targets a 1-based line.</summary>
    public static IReadOnlyList<Location> ToLocations(RequestContext context, ImmutableArray<NavigationTarget> targets) =>
        targets.Select(target =>
        {
            var document = context.Snapshot.GetDocument(target.FilePath);
            var range = target.Span is { } span && document is not null
                ? context.Positions.ToRange(document.Text, span)
                : LspPositions.LineStart(target.Line ?? 1);
            return new Location { Uri = context.UriOf(target.FilePath), Range = range };
        }).ToList();
}
