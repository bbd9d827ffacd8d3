using System.Globalization;
using System.Text.Json;
using FfaConformance.Rules;
using FfaConformance.Runner.Configuration;
using FfaConformance.Scenarios.Traces;

namespace FfaConformance.Runner.Expectations;

/// <summary>
/// A target's expectations file: a JSON object with an "expected" array of {rule, failure, text (optional),
/// reason, reference, expires}.
/// Every entry is checked; a bad one is a <see cref="ConfigurationException"/> naming the file and the entry.
/// </summary>
public static class ExpectationsFile
{
    private static readonly string[] Fields = ["rule", "failure", "text", "reason", "reference", "expires"];

    /// <summary>
    /// The expectations of several files, one target's (a base list and what one secure world adds to it); a rule listed
    /// in two of them is one error naming both.
    /// </summary>
    public static IReadOnlyDictionary<string, Expectation> Load(IReadOnlyList<string> paths)
    {
        var all = new Dictionary<string, Expectation>(StringComparer.Ordinal);
        var from = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            foreach (var (rule, expectation) in Load(path))
            {
                if (!all.TryAdd(rule, expectation))
                {
                    throw new ConfigurationException($"{rule} is listed both in {from[rule]} and in {path}; a target's expectations files must not repeat a rule");
                }

                from[rule] = path;
            }
        }

        return all;
    }

    public static IReadOnlyDictionary<string, Expectation> Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new ConfigurationException($"the expectations file {path} does not exist");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(File.ReadAllText(path));
        }
        catch (JsonException e)
        {
            throw new ConfigurationException($"{path} is not valid JSON: {e.Message}");
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("expected", out var entries)
                || entries.ValueKind != JsonValueKind.Array)
            {
                throw new ConfigurationException($"{path}: expected an object with an \"expected\" array of {{{string.Join(", ", Fields)}}}");
            }

            var expectations = new Dictionary<string, Expectation>(StringComparer.Ordinal);
            var index = 0;
            foreach (var entry in entries.EnumerateArray())
            {
                // Counted from 1, as an editor shows them.
                var expectation = Read(entry, $"{path}: entry {++index}");
                if (!expectations.TryAdd(expectation.Rule, expectation))
                {
                    throw new ConfigurationException($"{path}: {expectation.Rule} is listed twice");
                }
            }

            return expectations;
        }
    }

    private static Expectation Read(JsonElement entry, string where)
    {
        if (entry.ValueKind != JsonValueKind.Object)
        {
            throw new ConfigurationException($"{where} is not an object with {string.Join(", ", Fields)}");
        }

        foreach (var property in entry.EnumerateObject())
        {
            if (!Fields.Contains(property.Name))
            {
                throw new ConfigurationException($"{where}: unknown field '{property.Name}'; accepted: {string.Join(", ", Fields)}");
            }
        }

        string Field(string name) =>
            entry.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString()!.Trim().Length > 0
                ? value.GetString()!
                : throw new ConfigurationException($"{where}: '{name}' is missing or empty; accepted: a non-empty string");

        var rule = Field("rule");
        if (!RuleCatalogue.TryGet(rule, out _))
        {
            throw new ConfigurationException($"{where}: no rule '{rule}'; known rules: {string.Join(", ", RuleCatalogue.All.Select(r => r.Id))}");
        }

        var failure = Field("failure");
        if (!FailureKinds.TryParse(failure, out var kind))
        {
            throw new ConfigurationException($"{where}: failure '{failure}' is not a kind of failure; accepted: {string.Join(", ", FailureKinds.Words)}");
        }

        string? text = null;
        if (entry.TryGetProperty("text", out var given))
        {
            text = given.ValueKind == JsonValueKind.String && given.GetString()!.Length > 0
                ? given.GetString()
                : throw new ConfigurationException($"{where}: 'text' is empty or not a string; accepted: text the finding must contain, or no 'text' field");
        }

        var expires = Field("expires");
        if (!DateOnly.TryParseExact(expires, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            throw new ConfigurationException($"{where}: expires '{expires}' is not a date; accepted: yyyy-MM-dd");
        }

        return new Expectation(rule, kind, text, Field("reason"), Field("reference"), date);
    }
}
