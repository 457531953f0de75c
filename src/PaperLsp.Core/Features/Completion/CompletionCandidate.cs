using PaperLsp.Core.Collections;

namespace PaperLsp.Core.Features.Completion;

/// <summary>
/// One completion. <see cref="InsertText"/> replaces the result's replace span exactly (it carries the closing <c>]]</c>
/// when one is needed). <see cref="FilterText"/> starts with what the user typed, so an editor's own filtering, which knows
/// nothing of diacritics or author names, keeps every match the server ranked; <see cref="SortText"/> keeps its order.
/// </summary>
public sealed record CompletionCandidate(
    string Label,
    CompletionCandidateKind Kind,
    string? Detail,
    string InsertText,
    string FilterText,
    string SortText,
    Paper? Paper);
