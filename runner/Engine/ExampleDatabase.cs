using System.Text.Json;
using System.Text.Json.Nodes;
using FfaConformance.Scenarios;

namespace FfaConformance.Runner.Engine;

/// <summary>
/// The counterexample database, as Hypothesis keeps its examples: every shrunk counterexample a run finds is kept
/// per target and rule, and the next run of that rule on that target runs the kept cases before it generates
/// any — a regression shows on its first case, a fix as the kept case passing (and leaving the database). One
/// JSON file per target and rule, &lt;directory&gt;/&lt;target&gt;/&lt;RULE-ID&gt;.json, holding the scenarios
/// themselves, so a changed generator cannot turn a kept case into another one.
/// </summary>
public sealed class ExampleDatabase(string directory)
{
    public const int Format = 1;

    public string Directory { get; } = directory;

    public string FileOf(string target, string rule) => Path.Combine(Directory, target, $"{rule}.json");

    /// <summary>The kept cases; <see cref="InvalidDataException"/> naming the file when it is not a database file.</summary>
    public IReadOnlyList<KeptExample> Load(string target, string rule)
    {
        var file = FileOf(target, rule);
        if (!File.Exists(file))
        {
            return [];
        }

        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(file));
            var root = document.RootElement;
            if (!root.TryGetProperty("format", out var format) || format.ValueKind != JsonValueKind.Number || format.GetInt32() != Format)
            {
                throw new JsonException($"its \"format\" is not {Format}");
            }

            return [.. root.GetProperty("examples").EnumerateArray().Select(e => new KeptExample(
                e.GetProperty("found").GetDateTimeOffset(),
                e.GetProperty("finding").GetString() ?? throw new JsonException("a \"finding\" is null"),
                ScenarioJson.Read(e.GetProperty("scenario"))))];
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new InvalidDataException(
                $"the counterexample database file {file} cannot be read ({e.Message}); accepted: a file this suite wrote ({{\"format\": {Format}, \"examples\": [...]}}), or none — delete it to start afresh");
        }
    }

    /// <summary>Keeps exactly <paramref name="examples"/> for the rule on the target; none removes the file. I/O errors are the caller's.</summary>
    public void Keep(string target, string rule, IReadOnlyList<KeptExample> examples)
    {
        var file = FileOf(target, rule);
        if (examples.Count == 0)
        {
            if (File.Exists(file))
            {
                File.Delete(file);
            }

            return;
        }

        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        var json = new JsonObject
        {
            ["format"] = Format,
            ["target"] = target,
            ["rule"] = rule,
            ["examples"] = new JsonArray([.. examples.Select(e => (JsonNode)new JsonObject
            {
                ["found"] = e.Found,
                ["finding"] = e.Finding,
                ["scenario"] = JsonNode.Parse(ScenarioJson.Write(e.Scenario)),
            })]),
        };
        var temporary = $"{file}.tmp";
        File.WriteAllText(temporary, json.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        File.Move(temporary, file, overwrite: true);
    }
}

/// <summary>A kept counterexample: when it was found, what it showed then, and the case.</summary>
public sealed record KeptExample(DateTimeOffset Found, string Finding, Scenario Scenario);
