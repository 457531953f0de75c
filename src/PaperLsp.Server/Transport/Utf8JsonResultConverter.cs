using Newtonsoft.Json;

namespace PaperLsp.Server.Transport;

/// <summary>Writes a <see cref="Utf8JsonResult"/> through Newtonsoft as the raw JSON it holds (a path the server's own
/// connection does not take: <see cref="LspMessageHandler"/> writes the bytes itself).</summary>
public sealed class Utf8JsonResultConverter : JsonConverter<Utf8JsonResult>
{
    public override bool CanRead => false;

    public override void WriteJson(JsonWriter writer, Utf8JsonResult? value, JsonSerializer serializer)
    {
        if (value is null)
        {
            writer.WriteNull();
        }
        else
        {
            writer.WriteRawValue(value.ToString());
        }
    }

    public override Utf8JsonResult ReadJson(JsonReader reader, Type objectType, Utf8JsonResult? existingValue, bool hasExistingValue, JsonSerializer serializer) =>
        throw new NotSupportedException("A pre-written JSON result is only written.");
}
