using System.Text.Json;
using System.Text.Json.Serialization;

namespace FfaConformance.Scenarios;

/// <summary>
/// A scenario as JSON, every step and answer with its kind named: what the counterexample database keeps, so a
/// stored case is the case itself, not a seed that a changed generator would turn into another one.
/// </summary>
public static class ScenarioJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        IgnoreReadOnlyProperties = true,
        Converters = { new JsonStringEnumConverter() },
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };

    public static string Write(Scenario scenario) => JsonSerializer.Serialize(scenario, Options);

    /// <summary>The scenario <paramref name="json"/> holds; <see cref="JsonException"/> when it holds none.</summary>
    public static Scenario Read(JsonElement json) => json.Deserialize<Scenario>(Options) ?? throw new JsonException("null is not a scenario");
}
