using Newtonsoft.Json.Linq;

namespace PaperLsp.Server.Dispatch;

/// <summary>What the client said it supports, read once from initialize's capabilities (kept as JSON: we use a handful).</summary>
public sealed record ClientFeatures
{
    public static ClientFeatures None { get; } = new();

    public bool Utf8Positions { get; init; }

    public bool WorkDoneProgress { get; init; }

    public bool ConfigurationPull { get; init; }

    public bool WatchedFilesDynamicRegistration { get; init; }

    public bool RelativePatternSupport { get; init; }

    public bool PullDiagnostics { get; init; }

    public bool DiagnosticRefresh { get; init; }

    public bool MarkdownCompletionDocumentation { get; init; } = true;

    public static ClientFeatures From(JObject? capabilities)
    {
        if (capabilities is null)
        {
            return None;
        }

        bool Flag(string path) => capabilities.SelectToken(path)?.Type == JTokenType.Boolean && capabilities.SelectToken(path)!.Value<bool>();

        var encodings = capabilities.SelectToken("general.positionEncodings") as JArray;
        return new ClientFeatures
        {
            Utf8Positions = encodings?.Any(e => e.Type == JTokenType.String && e.Value<string>() == "utf-8") == true,
            WorkDoneProgress = Flag("window.workDoneProgress"),
            ConfigurationPull = Flag("workspace.configuration"),
            WatchedFilesDynamicRegistration = Flag("workspace.didChangeWatchedFiles.dynamicRegistration"),
            RelativePatternSupport = Flag("workspace.didChangeWatchedFiles.relativePatternSupport"),
            PullDiagnostics = capabilities.SelectToken("textDocument.diagnostic") is JObject,
            DiagnosticRefresh = Flag("workspace.diagnostics.refreshSupport"),
        };
    }
}
