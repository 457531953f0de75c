using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Newtonsoft.Json.Linq;
using PaperLsp.Server.Handlers.Diagnostics;
using PaperLsp.Server.Protocol;
using PaperLsp.Server.Transport;
using Range = PaperLsp.Server.Protocol.Range;

namespace PaperLsp.Server.Tests;

/// <summary>The directly written publishDiagnostics JSON is what the transport's serializer makes of the protocol records.</summary>
public sealed class PublishDiagnosticsJsonTests
{
    private static readonly Newtonsoft.Json.JsonSerializer Serializer = JsonRpcFactory.CreateSerializer();

    private static Diagnostic Make(int line, string message, string? code, DiagnosticSeverity? severity, string? source) => new()
    {
        Range = new Range { Start = new Position(line, 3), End = new Position(line + 1, 0) },
        Severity = severity,
        Code = code,
        CodeDescription = code is null ? null : new CodeDescription { Href = "https://example.org/docs#" + code.ToLowerInvariant() },
        Source = source,
        Message = message,
    };

    private static JToken ThroughTheSerializer(PublishDiagnosticsParams parameters) => JToken.FromObject(parameters, Serializer);

    private static JToken Direct(PublishDiagnosticsParams parameters) => JToken.Parse(PublishDiagnosticsJson.Parameters(parameters).ToString(Newtonsoft.Json.Formatting.None));

    [Fact]
    public void Quotes_backslashes_control_characters_and_non_ascii_text_come_out_as_the_serializer_writes_them()
    {
        var parameters = new PublishDiagnosticsParams
        {
            Uri = "file:///ws/n%C3%B6tes.pnotes",
            Version = 7,
            Diagnostics =
            [
                Make(0, "Unknown paper \"Nyströmformer\\x\": did you mean 😀 \u0001\t\n?", "PN001", DiagnosticSeverity.Warning, "paperlsp"),
                Make(4, "", null, null, null),
            ],
        };

        Assert.True(JToken.DeepEquals(ThroughTheSerializer(parameters), Direct(parameters)), Direct(parameters).ToString());
    }

    [Fact]
    public void A_lone_surrogate_from_the_notes_text_does_not_stop_the_publication()
    {
        var parameters = new PublishDiagnosticsParams
        {
            Uri = "file:///ws/a.pnotes",
            Diagnostics = [Make(0, "Unknown paper \"\uD800x\uDC00\"", "PN001", DiagnosticSeverity.Warning, "paperlsp")],
        };

        var message = (string?)Direct(parameters)["diagnostics"]![0]!["message"];

        Assert.NotNull(message);
        Assert.StartsWith("Unknown paper \"", message, StringComparison.Ordinal);
        Assert.EndsWith("x\uFFFD\"", message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_without_a_version_and_without_diagnostics_has_neither_a_version_nor_items()
    {
        var parameters = new PublishDiagnosticsParams { Uri = "file:///ws/refs.bib", Diagnostics = [] };

        Assert.True(JToken.DeepEquals(ThroughTheSerializer(parameters), Direct(parameters)));
        Assert.Null(Direct(parameters)["version"]);
    }

    [Property(MaxTest = 200)]
    public Property Any_message_is_written_as_the_serializer_writes_it() =>
        Prop.ForAll(ArbMap.Default.ArbFor<NonNull<string>>(), message =>
        {
            var parameters = new PublishDiagnosticsParams
            {
                Uri = "file:///ws/a.pnotes",
                Version = 1,
                // Well-formed UTF-16 only: a lone surrogate becomes U+FFFD here (the fact above), the serializer escapes it.
                Diagnostics = [Make(2, new string(message.Get.Where(c => !char.IsSurrogate(c)).ToArray()), "PN002", DiagnosticSeverity.Error, "paperlsp")],
            };
            return JToken.DeepEquals(ThroughTheSerializer(parameters), Direct(parameters));
        });
}
