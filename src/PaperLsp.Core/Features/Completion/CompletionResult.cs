using System.Collections.Immutable;
using PaperLsp.Core.Text;

namespace PaperLsp.Core.Features.Completion;

/// <summary>Candidates that all replace <see cref="ReplaceSpan"/>; <see cref="IsIncomplete"/> when the list was cut.</summary>
public sealed record CompletionResult(TextSpan ReplaceSpan, ImmutableArray<CompletionCandidate> Items, bool IsIncomplete);
