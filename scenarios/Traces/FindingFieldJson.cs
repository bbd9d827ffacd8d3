using System.Text.Json;
using System.Text.Json.Serialization;

namespace FfaConformance.Scenarios.Traces;

/// <summary>A finding's field in JSON: its text, as run.json held it before fields were typed, so run.json keeps its bytes and older ones still read.</summary>
public sealed class FindingFieldJson : JsonConverter<FindingField>
{
    public override FindingField Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String
            ? FindingField.FromText(reader.GetString()!)
            : throw new JsonException($"a finding's field is a string, not {reader.TokenType}");

    public override void Write(Utf8JsonWriter writer, FindingField value, JsonSerializerOptions options) => writer.WriteStringValue(value.ToString());
}
