using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace PaperLsp.Server.Protocol;

/// <summary>initialize; client capabilities are kept as JSON and read through ClientFeatures.</summary>
public sealed record InitializeParams
{
    public int? ProcessId { get; init; }

    public string? RootUri { get; init; }

    public string? RootPath { get; init; }

    public JToken? InitializationOptions { get; init; }

    public JObject? Capabilities { get; init; }

    public string? Trace { get; init; }

    public IReadOnlyList<WorkspaceFolder>? WorkspaceFolders { get; init; }

    /// <summary>
    /// Reads the params from the message's JSON by hand, as the serializer would (camelCase, absent or null fields are
    /// null), without its reflection: building the serializer's contract for this type on first use was ~100 ms of the
    /// server's start, on the way to the first answer. Throws <see cref="JsonSerializationException"/> where the
    /// serializer would throw (a field of the wrong type, a workspace folder without a uri).
    /// </summary>
    public static InitializeParams FromJson(JObject json) => new()
    {
        ProcessId = json["processId"] is { } processId ? ReadInt(processId, "processId") : null,
        RootUri = ReadString(json["rootUri"], "rootUri"),
        RootPath = ReadString(json["rootPath"], "rootPath"),
        InitializationOptions = json["initializationOptions"] is { Type: not JTokenType.Null } options ? options : null,
        Capabilities = json["capabilities"] switch
        {
            null or { Type: JTokenType.Null } => null,
            JObject capabilities => capabilities,
            _ => throw Invalid("capabilities"),
        },
        Trace = ReadString(json["trace"], "trace"),
        WorkspaceFolders = json["workspaceFolders"] switch
        {
            null or { Type: JTokenType.Null } => null,
            JArray folders => folders.Select(ReadFolder).ToList(),
            _ => throw Invalid("workspaceFolders"),
        },
    };

    private static WorkspaceFolder ReadFolder(JToken folder) => folder is JObject json
        ? new WorkspaceFolder
        {
            Uri = ReadString(json["uri"], "workspaceFolders.uri") ?? throw Invalid("workspaceFolders.uri"),
            Name = ReadString(json["name"], "workspaceFolders.name"),
        }
        : throw Invalid("workspaceFolders");

    private static int? ReadInt(JToken token, string name) => token switch
    {
        { Type: JTokenType.Null } => null,
        JValue { Value: long value } when value is >= int.MinValue and <= int.MaxValue => (int)value,
        _ => throw Invalid(name),
    };

    private static string? ReadString(JToken? token, string name) => token?.Type switch
    {
        null or JTokenType.Null => null,
        JTokenType.String => token.Value<string>(),
        _ => throw Invalid(name),
    };

    private static JsonSerializationException Invalid(string name) => new($"'{name}' has the wrong type or is missing.");
}
