using Newtonsoft.Json.Linq;
using PaperLsp.Core.Features.Completion;
using PaperLsp.Core.Features.Presentation;
using PaperLsp.Server.Protocol;
using PaperLsp.Server.Workspace;

namespace PaperLsp.Server.Handlers.Completion;

/// <summary>
/// textDocument/completion and completionItem/resolve. A short list carries each paper's description; a long one leaves
/// documentation out (it is most of the payload) and carries the paper key in <c>data</c> for resolve to fill in.
/// </summary>
public static class CompletionHandler
{
    /// <summary>Above this many items, documentation is left to completionItem/resolve.</summary>
    public const int InlineDocumentationLimit = 30;

    public static CompletionList? Handle(RequestContext context, TextDocumentPositionParams parameters, CancellationToken cancellationToken)
    {
        if (Complete(context, parameters, cancellationToken) is not var (result, range))
        {
            return null;
        }

        var inlineDocumentation = InlinesDocumentation(result);
        var items = result.Items.Select(candidate => new CompletionItem
        {
            Label = candidate.Label,
            Kind = Kind(candidate.Kind),
            Detail = candidate.Detail,
            Documentation = inlineDocumentation && candidate.Paper is not null
                ? new MarkupContent { Value = PaperMarkdown.Describe(candidate.Paper) }
                : null,
            TextEdit = new TextEdit { Range = range, NewText = candidate.InsertText },
            FilterText = candidate.FilterText,
            SortText = candidate.SortText,
            Data = candidate.Paper is not null && !inlineDocumentation ? new JObject { ["key"] = candidate.Paper.Key } : null,
        }).ToList();
        return new CompletionList { IsIncomplete = result.IsIncomplete, Items = items };
    }

    /// <summary>
    /// What the connection sends: the list <see cref="Handle"/> makes, written as JSON straight from the candidates
    /// (<see cref="CompletionListJson.Of(CompletionResult, Protocol.Range, bool)"/>), without a protocol record or a
    /// <c>data</c> object per item in between; null when there is no completion here.
    /// </summary>
    public static Transport.Utf8JsonResult? HandleJson(RequestContext context, TextDocumentPositionParams parameters, CancellationToken cancellationToken) =>
        Complete(context, parameters, cancellationToken) is var (result, range)
            ? CompletionListJson.Of(result, range, InlinesDocumentation(result))
            : null;

    /// <summary>Whether the items carry their documentation (a short list) or leave it to completionItem/resolve.</summary>
    public static bool InlinesDocumentation(CompletionResult result) => result.Items.Length <= InlineDocumentationLimit;

    private static (CompletionResult Result, Protocol.Range Range)? Complete(RequestContext context, TextDocumentPositionParams parameters, CancellationToken cancellationToken)
    {
        var document = context.Document(parameters.TextDocument.Uri);
        if (document is null)
        {
            return null;
        }

        var offset = context.Positions.ToOffset(document.Text, parameters.Position);
        var result = CompletionProvider.Complete(context.Snapshot, document.Path, offset, cancellationToken: cancellationToken);
        return result is null ? null : (result, context.Positions.ToRange(document.Text, result.ReplaceSpan));
    }

    public static CompletionItem Resolve(RequestContext context, CompletionItem item)
    {
        if (item.Documentation is not null || item.Data?["key"]?.Type != JTokenType.String)
        {
            return item;
        }

        var paper = context.Snapshot.Papers.FindByKey((string)item.Data["key"]!);
        return paper is null ? item : item with { Documentation = new MarkupContent { Value = PaperMarkdown.Describe(paper) } };
    }

    public static CompletionItemKind Kind(CompletionCandidateKind kind) => kind switch
    {
        CompletionCandidateKind.Title => CompletionItemKind.Reference,
        CompletionCandidateKind.Key => CompletionItemKind.Reference,
        CompletionCandidateKind.FieldName => CompletionItemKind.Text,
        CompletionCandidateKind.FieldValue => CompletionItemKind.EnumMember,
        CompletionCandidateKind.Tag => CompletionItemKind.Value,
        _ => CompletionItemKind.Text,
    };
}
