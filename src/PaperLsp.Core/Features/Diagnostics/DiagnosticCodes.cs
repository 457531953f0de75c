using System.Collections.Immutable;
using PaperLsp.Core.Collections;
using PaperLsp.Core.Workspace;

namespace PaperLsp.Core.Features.Diagnostics;

/// <summary>
/// Every diagnostic PaperLsp reports. Codes never change meaning; docs/format.md has a section per code, which
/// <see cref="HelpUrl"/> links to. paperlsp.json may set a severity (or "off") by code or by name; the code wins.
/// </summary>
public static class DiagnosticCodes
{
    public const string DocsUrl = "https://github.com/paperlsp/paperlsp/blob/main/docs/format.md";

    public static ImmutableArray<DiagnosticCode> All { get; } =
    [
        new("PN001", "unknown-reference", ProblemSeverity.Warning, "A [[title]] reference names no paper of the collection"),
        new("PN002", "unknown-reference", ProblemSeverity.Warning, "An @key reference names no paper of the collection"),
        new("PN003", "unterminated-reference", ProblemSeverity.Error, "A [[ has no closing ]] on its line"),
        new("PN004", "empty-reference", ProblemSeverity.Warning, "A reference with nothing in it"),
        new("PN005", "unknown-field-value", ProblemSeverity.Warning, "A known field has a value it does not allow"),
        new("PN006", "duplicate-entry", ProblemSeverity.Warning, "The same paper is noted by two @paper entries"),
        new("PN007", "missing-entry-target", ProblemSeverity.Error, "An @paper header names no paper"),
        new("PN010", "malformed-entry", ProblemSeverity.Warning, "A collection entry could not be read and was skipped"),
        new("PN011", "duplicate-key", ProblemSeverity.Warning, "Two collection entries share a key"),
        new("PN012", "undefined-macro", ProblemSeverity.Warning, "A BibTeX value uses an @string macro that is not defined"),
        new("PN013", "unresolved-crossref", ProblemSeverity.Warning, "A crossref names an entry that does not exist"),
        new("PN014", "missing-title", ProblemSeverity.Warning, "A collection entry has no title and was skipped"),
        new("PN015", "unreadable-collection", ProblemSeverity.Error, "A collection file is missing, unreadable or not valid for its format"),
        new("PN020", "invalid-configuration", ProblemSeverity.Error, "paperlsp.json or the editor settings could not be used"),
    ];

    private static readonly ImmutableDictionary<string, DiagnosticCode> ByCode =
        All.ToImmutableDictionary(c => c.Code, StringComparer.OrdinalIgnoreCase);

    // One string per code rather than one per diagnostic: a pass over a large file converts thousands.
    private static readonly ImmutableDictionary<string, string> HelpUrls =
        All.ToImmutableDictionary(c => c.Code, c => $"{DocsUrl}#{c.Code.ToLowerInvariant()}", StringComparer.Ordinal);

    public static DiagnosticCode? Find(string code) => ByCode.GetValueOrDefault(code);

    public static string HelpUrl(string code) => HelpUrls.TryGetValue(code, out var url) ? url : $"{DocsUrl}#{code.ToLowerInvariant()}";

    /// <summary>True when the setting names a known code or name (configuration validation).</summary>
    public static bool IsKnownSettingKey(string key) =>
        ByCode.ContainsKey(key) || All.Any(c => string.Equals(c.Name, key, StringComparison.OrdinalIgnoreCase));

    /// <summary>The configured severity of a code, null when it is turned off.</summary>
    public static ProblemSeverity? EffectiveSeverity(string code, PaperLspConfiguration configuration, ProblemSeverity? reported = null)
    {
        var known = Find(code);
        var setting = configuration.Diagnostics.TryGetValue(code, out var byCode)
            ? byCode
            : known is not null && configuration.Diagnostics.TryGetValue(known.Name, out var byName) ? byName : (DiagnosticSeveritySetting?)null;
        return setting switch
        {
            DiagnosticSeveritySetting.Off => null,
            DiagnosticSeveritySetting.Error => ProblemSeverity.Error,
            DiagnosticSeveritySetting.Warning => ProblemSeverity.Warning,
            DiagnosticSeveritySetting.Information => ProblemSeverity.Information,
            DiagnosticSeveritySetting.Hint => ProblemSeverity.Hint,
            _ => reported ?? known?.DefaultSeverity ?? ProblemSeverity.Warning,
        };
    }
}
