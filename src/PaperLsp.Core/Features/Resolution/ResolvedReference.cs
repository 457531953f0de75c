using PaperLsp.Core.Collections;
using PaperLsp.Core.Syntax;

namespace PaperLsp.Core.Features.Resolution;

/// <summary>A reference and the paper it names; <see cref="Paper"/> is null when it does not resolve.</summary>
public sealed record ResolvedReference(ReferenceSyntax Reference, Paper? Paper)
{
    public bool IsResolved => Paper is not null;
}
