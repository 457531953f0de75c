using PaperLsp.Core.Collections;

namespace PaperLsp.Core.Features.Diagnostics;

/// <summary>
/// What checking one reference text against one index found: nothing (it resolves), or the unknown-reference problem with
/// its message and suggestions. Independent of where the reference is written, so it is computed once per text and index.
/// </summary>
internal sealed record ReferenceCheck(string Code, ProblemSeverity Severity, string Message, IReadOnlyList<string> Suggestions);
