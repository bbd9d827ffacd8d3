using System.Text.Json;
using System.Text.Json.Serialization;

namespace FfaConformance.Abi;

/// <summary>A REQ2 message in JSON: its fourteen words, as an array.</summary>
public sealed class DirectMessage2Json : JsonConverter<DirectMessage2>
{
    public override DirectMessage2 Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var words = JsonSerializer.Deserialize<ulong[]>(ref reader, options);
        return words is { Length: DirectMessage2.Words }
            ? DirectMessage2.FromWords(words)
            : throw new JsonException($"a REQ2 message is an array of {DirectMessage2.Words} words");
    }

    public override void Write(Utf8JsonWriter writer, DirectMessage2 value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(writer, value.ToArray(), options);
}
