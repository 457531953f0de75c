using System.Collections.Immutable;
using PaperLsp.Core.Collections;

namespace PaperLsp.Core.Features.Diagnostics;

/// <summary>
/// The diagnostics of one document that depend on nothing but its text and the index (syntax, references, field values),
/// before severities are configured: kept with the document, so a pass over an unchanged document only adds the
/// cross-document ones (PN006).
/// </summary>
internal sealed record LocalDiagnostics(PaperIndex Papers, bool PapersLoaded, ImmutableArray<NotesDiagnostic> Found);
