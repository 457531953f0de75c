using System.Collections.Immutable;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using PaperLsp.Core.Collections;
using PaperLsp.Core.Features.Diagnostics;

namespace PaperLsp.Core.Workspace;

/// <summary>
/// Reads paperlsp.json (JSON with comments) and the editor's <c>paperlsp</c> settings into a <see cref="PaperLspConfiguration"/>.
/// Anything it cannot use is a PN020 problem with the file and line, and the rest of the configuration still applies.
/// </summary>
public static class ConfigurationLoader
{
    public const string FileName = "paperlsp.json";

    private static readonly JsonLoadSettings LoadSettings = new()
    {
        CommentHandling = CommentHandling.Ignore,
        LineInfoHandling = LineInfoHandling.Load,
        DuplicatePropertyNameHandling = DuplicatePropertyNameHandling.Replace,
    };

    /// <summary>The configuration of a workspace folder: its paperlsp.json when there is one, else the defaults.</summary>
    public static (PaperLspConfiguration Configuration, ImmutableArray<CollectionProblem> Problems) Load(string folder)
    {
        var path = Path.Combine(folder, FileName);
        if (!File.Exists(path))
        {
            return (PaperLspConfiguration.Empty with { BaseDirectory = folder }, ImmutableArray<CollectionProblem>.Empty);
        }

        string json;
        try
        {
            json = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (PaperLspConfiguration.Empty with { BaseDirectory = folder, SourcePath = path }, [Problem(path, 1, 1, $"Cannot read {FileName}: {e.Message}")]);
        }

        return Parse(json, path);
    }

    /// <summary>The nearest paperlsp.json in <paramref name="directory"/> or one of its parents, or null.</summary>
    public static string? FindUpwards(string directory)
    {
        for (var dir = new DirectoryInfo(directory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, FileName);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    public static (PaperLspConfiguration Configuration, ImmutableArray<CollectionProblem> Problems) Parse(string json, string path)
    {
        var baseDirectory = Path.GetDirectoryName(Path.GetFullPath(path)) ?? Directory.GetCurrentDirectory();
        JToken root;
        try
        {
            root = JToken.Parse(json, LoadSettings);
        }
        catch (JsonReaderException e)
        {
            return (PaperLspConfiguration.Empty with { BaseDirectory = baseDirectory, SourcePath = path },
                [Problem(path, Math.Max(1, e.LineNumber), Math.Max(1, e.LinePosition), $"{FileName} is not valid JSON: {FirstSentence(e.Message)}")]);
        }

        var (configuration, problems) = FromJson(root, baseDirectory, path);
        var lines = json.ReplaceLineEndings("\n").Split('\n');
        return (configuration with { SourcePath = path }, problems.Select(p => p with { Column = TokenStart(lines, p.Line, p.Column) }).ToImmutableArray());
    }

    /// <summary>
    /// Reads settings in the paperlsp.json shape (<c>collections</c>, <c>diagnostics</c>) from an editor's
    /// initializationOptions or workspace/configuration answer. <paramref name="path"/> names the source in problems.
    /// </summary>
    public static (PaperLspConfiguration Configuration, ImmutableArray<CollectionProblem> Problems) FromJson(JToken? settings, string baseDirectory, string path = "editor settings")
    {
        var configuration = PaperLspConfiguration.Empty with { BaseDirectory = baseDirectory };
        var problems = ImmutableArray.CreateBuilder<CollectionProblem>();
        if (settings is null || settings.Type is JTokenType.Null or JTokenType.Undefined)
        {
            return (configuration, problems.ToImmutable());
        }

        if (settings is not JObject obj)
        {
            problems.Add(Problem(path, settings, "The configuration must be a JSON object"));
            return (configuration, problems.ToImmutable());
        }

        foreach (var property in obj.Properties())
        {
            switch (property.Name)
            {
                case "collections":
                    configuration = configuration with { Collections = ReadCollections(property.Value, path, problems) };
                    break;
                case "diagnostics":
                    configuration = configuration with { Diagnostics = ReadDiagnostics(property.Value, path, problems) };
                    break;
                case "$schema" or "server" or "trace":
                    break;
                default:
                    problems.Add(Problem(path, property, $"Unknown setting '{property.Name}' (known: collections, diagnostics)", ProblemSeverity.Warning));
                    break;
            }
        }

        return (configuration, problems.ToImmutable());
    }

    private static ImmutableArray<string> ReadCollections(JToken value, string path, ImmutableArray<CollectionProblem>.Builder problems)
    {
        if (value.Type == JTokenType.String)
        {
            return [value.Value<string>()!];
        }

        if (value is not JArray array)
        {
            problems.Add(Problem(path, value, "'collections' must be a list of file paths or globs"));
            return ImmutableArray<string>.Empty;
        }

        var collections = ImmutableArray.CreateBuilder<string>();
        foreach (var item in array)
        {
            if (item.Type == JTokenType.String && !string.IsNullOrWhiteSpace(item.Value<string>()))
            {
                collections.Add(item.Value<string>()!);
            }
            else
            {
                problems.Add(Problem(path, item, "Each entry of 'collections' must be a file path or glob"));
            }
        }

        return collections.ToImmutable();
    }

    private static ImmutableDictionary<string, DiagnosticSeveritySetting> ReadDiagnostics(JToken value, string path, ImmutableArray<CollectionProblem>.Builder problems)
    {
        var settings = ImmutableDictionary.CreateBuilder<string, DiagnosticSeveritySetting>(StringComparer.OrdinalIgnoreCase);
        if (value is not JObject obj)
        {
            problems.Add(Problem(path, value, "'diagnostics' must map a code (PN001) or name (unknown-reference) to error, warning, information, hint or off"));
            return settings.ToImmutable();
        }

        foreach (var property in obj.Properties())
        {
            if (!DiagnosticCodes.IsKnownSettingKey(property.Name))
            {
                problems.Add(Problem(path, property, $"Unknown diagnostic '{property.Name}'", ProblemSeverity.Warning));
                continue;
            }

            var text = property.Value.Type == JTokenType.String ? property.Value.Value<string>()!.Trim().ToLowerInvariant() : null;
            DiagnosticSeveritySetting? setting = text switch
            {
                "error" => DiagnosticSeveritySetting.Error,
                "warning" or "warn" => DiagnosticSeveritySetting.Warning,
                "information" or "info" => DiagnosticSeveritySetting.Information,
                "hint" => DiagnosticSeveritySetting.Hint,
                "off" or "none" or "ignore" => DiagnosticSeveritySetting.Off,
                _ => null,
            };
            if (setting is null)
            {
                problems.Add(Problem(path, property.Value, $"'{property.Value}' is not a severity for {property.Name}; use error, warning, information, hint or off"));
            }
            else
            {
                settings[property.Name] = setting.Value;
            }
        }

        return settings.ToImmutable();
    }

    private static CollectionProblem Problem(string path, JToken token, string message, ProblemSeverity severity = ProblemSeverity.Error)
    {
        var info = (IJsonLineInfo)token;
        return Problem(path, info.HasLineInfo() ? info.LineNumber : 1, info.HasLineInfo() ? Math.Max(1, info.LinePosition) : 1, message, severity);
    }

    private static CollectionProblem Problem(string path, int line, int column, string message, ProblemSeverity severity = ProblemSeverity.Error) =>
        new(path, line, column, "PN020", message, severity);

    /// <summary>
    /// Newtonsoft's line info points at the last character of a token (after the colon for a property); a problem should
    /// point at where the token starts: the opening quote of a string or name, the first character of a number or literal.
    /// </summary>
    private static int TokenStart(string[] lines, int line, int column)
    {
        if (line < 1 || line > lines.Length || column < 1 || column > lines[line - 1].Length)
        {
            return column;
        }

        var text = lines[line - 1];
        var at = column - 1;
        if (text[at] == ':')
        {
            at--;
            while (at >= 0 && char.IsWhiteSpace(text[at]))
            {
                at--;
            }
        }

        if (at < 0)
        {
            return column;
        }

        if (text[at] == '"' || text[at] == '\'')
        {
            var quote = text[at];
            for (var i = at - 1; i >= 0; i--)
            {
                if (text[i] == quote && (i == 0 || text[i - 1] != '\\'))
                {
                    return i + 1;
                }
            }

            return column;
        }

        var start = at;
        while (start > 0 && (char.IsLetterOrDigit(text[start - 1]) || text[start - 1] is '.' or '-' or '+'))
        {
            start--;
        }

        return start + 1;
    }

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path '", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }
}
