using System.Collections.Immutable;

namespace PaperLsp.Core.Features.CodeActions;

/// <summary>A fix for one diagnostic, as edits the editor applies (PaperLsp never writes a file itself).</summary>
public sealed record QuickFix(string Title, string DiagnosticCode, ImmutableArray<QuickFixEdit> Edits, bool IsPreferred);
