using System.Text.Json;
using System.Text.Json.Serialization;

namespace FfaConformance.Records;

/// <summary>Reads and writes run.json; a file that is not a run record is one error naming it and what is accepted.</summary>
public static class RunRecordFile
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        Converters = { new JsonStringEnumConverter(allowIntegerValues: false) },
    };

    private static readonly JsonSerializerOptions Line = new(Options) { WriteIndented = false };

    public static void Write(RunRecord record, string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.WriteAllText(path, Text(record));
    }

    /// <summary>run.json's text.</summary>
    public static string Text(RunRecord record) => JsonSerializer.Serialize(record, Options);

    /// <summary>One result as run.json holds it, for the run's journal.</summary>
    public static string WriteResult(ResultRecord result) => JsonSerializer.Serialize(result, Line);

    /// <summary>A result <see cref="WriteResult"/> wrote; <see cref="JsonException"/> when it is not one.</summary>
    public static ResultRecord ReadResult(JsonElement json) => json.Deserialize<ResultRecord>(Options) ?? throw new JsonException("null is not a result");

    public static RunRecord Read(string path)
    {
        const string Accepted = $"accepted: a run.json written by a FfaConformance run (format {RunRecord.CurrentFormat})";
        if (Directory.Exists(path))
        {
            throw new InvalidDataException($"{path} is a folder; {Accepted} (a results folder holds one as {Path.Combine(path, "run.json")})");
        }

        if (!File.Exists(path))
        {
            throw new InvalidDataException($"{path} does not exist; {Accepted}");
        }

        RunRecord? record;
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path));
            var format = document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("format", out var f) ? f.ToString() : null;
            if (format != RunRecord.CurrentFormat)
            {
                throw new InvalidDataException($"{path} has format '{format}'; {Accepted}");
            }

            record = document.Deserialize<RunRecord>(Options);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path} is not a run record ({e.Message}); {Accepted}", e);
        }

        if (record is null)
        {
            throw new InvalidDataException($"{path} holds null; {Accepted}");
        }

        if (record.Results.GroupBy(r => (r.Target, r.Rule)).FirstOrDefault(g => g.Count() > 1) is { } repeated)
        {
            throw new InvalidDataException($"{path} holds {repeated.Key.Rule} on {repeated.Key.Target} {repeated.Count()} times; {Accepted}, which holds each rule on each target once");
        }

        return record;
    }
}
