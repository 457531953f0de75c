using PaperLsp.Core.Features.Presentation;
using PaperLsp.Server.Protocol;
using PaperLsp.Server.Workspace;

namespace PaperLsp.Server.Handlers.SearchPapers;

/// <summary>paperlsp/searchPapers: the server's fuzzy ranking, or the first papers in collection order for an empty query.</summary>
public static class SearchPapersHandler
{
    public const int DefaultLimit = 50;

    public static SearchPapersResult Handle(RequestContext context, SearchPapersParams parameters, CancellationToken cancellationToken)
    {
        var limit = Math.Clamp(parameters.Limit ?? DefaultLimit, 1, 1000);
        var papers = string.IsNullOrWhiteSpace(parameters.Query)
            ? context.Snapshot.Papers.Papers.Take(limit)
            : context.Snapshot.Papers.Search(parameters.Query, limit, cancellationToken).Select(hit => hit.Paper);
        return new SearchPapersResult
        {
            Items = papers.Select(p => new SearchPapersItem { Key = p.Key, Title = p.Title, Detail = PaperMarkdown.Detail(p) }).ToList(),
        };
    }
}
