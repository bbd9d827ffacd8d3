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

            var examples = Property(root, "examples", "the file");
            if (examples.ValueKind != JsonValueKind.Array)
            {
                throw new JsonException("its \"examples\" is not an array");
            }

            return [.. examples.EnumerateArray().Select((e, i) => new KeptExample(
                Property(e, "found", $"example {i + 1}").GetDateTimeOffset(),
                Property(e, "finding", $"example {i + 1}").GetString() ?? throw new JsonException($"the \"finding\" of example {i + 1} is null"),
                ScenarioJson.Read(Property(e, "scenario", $"example {i + 1}"))))];
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            throw new InvalidDataException(
                $"the counterexample database file {file} cannot be read ({OneLine(e.Message)}); accepted: a file this suite wrote ({{\"format\": {Format}, \"examples\": [...]}}), or none — delete it to start afresh");
        }
    }

    private static JsonElement Property(JsonElement element, string name, string where) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) ? value : throw new JsonException($"{where} has no \"{name}\"");

    private static string OneLine(string text) => string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

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
        // A name of this process's own: two runs keeping the same rule's examples never write through one file.
        var temporary = $"{file}.{Environment.ProcessId}-{Guid.NewGuid():N}.tmp";
        try
        {
            File.WriteAllText(temporary, json.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
            File.Move(temporary, file, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}

/// <summary>A kept counterexample: when it was found, what it showed then, and the case.</summary>
public sealed record KeptExample(DateTimeOffset Found, string Finding, Scenario Scenario);
