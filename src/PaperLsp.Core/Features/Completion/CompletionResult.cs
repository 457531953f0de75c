using System.Collections.Immutable;
using PaperLsp.Core.Text;

namespace PaperLsp.Core.Features.Completion;

/// <summary>Candidates that all replace <see cref="ReplaceSpan"/>; <see cref="IsIncomplete"/> when the editor must ask again as the user types (always, for lists of papers).</summary>
public sealed record CompletionResult(TextSpan ReplaceSpan, ImmutableArray<CompletionCandidate> Items, bool IsIncomplete);
