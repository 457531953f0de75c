using PaperLsp.Server.Protocol;
using PaperLsp.Server.Workspace;

namespace PaperLsp.Server.Handlers.WorkspaceSymbol;

/// <summary>workspace/symbol: the papers noted by @paper entries anywhere in the workspace, filtered by the query.</summary>
public static class WorkspaceSymbolHandler
{
    public const int Limit = 500;

    public static IReadOnlyList<SymbolInformation> Handle(RequestContext context, WorkspaceSymbolParams parameters, CancellationToken cancellationToken)
    {
        var query = parameters.Query.Trim();
        var symbols = new List<SymbolInformation>();
        foreach (var noted in context.Snapshot.NotedPapers.SelectMany(g => g))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var name = noted.Paper?.Title ?? noted.Entry.Target?.ToString() ?? noted.Identity;
            if (query.Length > 0 &&
                !name.Contains(query, StringComparison.OrdinalIgnoreCase) &&
                !(noted.Paper?.Key.Contains(query, StringComparison.OrdinalIgnoreCase) ?? false))
            {
                continue;
            }

            var document = context.Snapshot.GetDocument(noted.DocumentPath);
            if (document is null)
            {
                continue;
            }

            symbols.Add(new SymbolInformation
            {
                Name = name,
                Kind = SymbolKind.Class,
                ContainerName = Path.GetFileName(noted.DocumentPath),
                Location = new Location { Uri = context.UriOf(noted.DocumentPath), Range = context.Positions.ToRange(document.Text, noted.Entry.HeaderSpan) },
            });
            if (symbols.Count >= Limit)
            {
                break;
            }
        }

        return symbols;
    }
}
