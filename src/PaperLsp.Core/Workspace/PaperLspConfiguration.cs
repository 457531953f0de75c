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

    /// <summary>
    /// This configuration with <paramref name="other"/> added (editor settings added to paperlsp.json): the collections of
    /// both, each resolved against its own base directory; <paramref name="other"/>'s diagnostic settings win.
    /// </summary>
    public PaperLspConfiguration Merge(PaperLspConfiguration other)
    {
        var collections = ResolvedCollections().Concat(other.ResolvedCollections()).Distinct(StringComparer.Ordinal).ToImmutableArray();
        return this with
        {
            Collections = collections,
            Diagnostics = Diagnostics.SetItems(other.Diagnostics),
        };
    }

    /// <summary>The collection patterns made absolute against <see cref="BaseDirectory"/> (globs stay globs).</summary>
    public IEnumerable<string> ResolvedCollections() =>
        Collections.Select(c =>
        {
            var expanded = c.StartsWith("~/", StringComparison.Ordinal)
                ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), c[2..])
                : c;
            return Path.IsPathRooted(expanded) || BaseDirectory is null ? expanded : Path.GetFullPath(Path.Combine(BaseDirectory, expanded));
        });
}
