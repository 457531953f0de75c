using System.Collections.Immutable;

namespace PaperLsp.Core.Workspace;

/// <summary>
/// The configuration of one workspace folder: paperlsp.json merged with the editor's settings. Collection patterns are
/// relative to <see cref="BaseDirectory"/> (globs allowed); an empty list means "every *.bib and *.csl.json under the folder".
/// Diagnostic settings are keyed by code (PN001) or name (unknown-reference).
/// </summary>
public sealed record PaperLspConfiguration
{
    public static PaperLspConfiguration Empty { get; } = new();

    public string? BaseDirectory { get; init; }

    public ImmutableArray<string> Collections { get; init; } = ImmutableArray<string>.Empty;

    public ImmutableDictionary<string, DiagnosticSeveritySetting> Diagnostics { get; init; } =
        ImmutableDictionary.Create<string, DiagnosticSeveritySetting>(StringComparer.OrdinalIgnoreCase);

    /// <summary>The file the configuration was read from, if any.</summary>
    public string? SourcePath { get; init; }
}
