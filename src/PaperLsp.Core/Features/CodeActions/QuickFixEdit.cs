using PaperLsp.Core.Text;

namespace PaperLsp.Core.Features.CodeActions;

/// <summary>One text edit of a quick fix: replace [Start, End) of a file (UTF-16 positions) with <see cref="NewText"/>.</summary>
public sealed record QuickFixEdit(string FilePath, LinePosition Start, LinePosition End, string NewText);
