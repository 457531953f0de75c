using PaperLsp.Core.Collections;
using PaperLsp.Core.Matching;
using PaperLsp.Core.Syntax;

namespace PaperLsp.Core.Features.Resolution;

/// <summary>FORMAT.md's resolution rules: titles by normalized equality, keys exactly.</summary>
public static class ReferenceResolver
{
    public static ResolvedReference Resolve(PaperIndex papers, ReferenceSyntax reference) => reference switch
    {
        TitleReferenceSyntax title => new(reference, string.IsNullOrWhiteSpace(title.Title) ? null : papers.FindByTitle(title.Title)),
        KeyReferenceSyntax key => new(reference, key.Key.Length == 0 ? null : papers.FindByKey(key.Key)),
        _ => new(reference, null),
    };

    /// <summary>
    /// What two references must share to name the same paper: the paper's key when it resolves, else the normalized title
    /// or the key as written. Used to find a paper noted twice and every mention of a paper.
    /// </summary>
    public static string Identity(ReferenceSyntax reference, Paper? paper) =>
        paper is not null
            ? "paper:" + paper.Key
            : reference switch
            {
                TitleReferenceSyntax title => "title:" + TitleNormalizer.Normalize(title.Title),
                KeyReferenceSyntax key => "key:" + key.Key,
                _ => string.Empty,
            };
}
