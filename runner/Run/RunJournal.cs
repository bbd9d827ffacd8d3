using System.Text.Json;
using FfaConformance.Runner.Engine;
using FfaConformance.Runner.Records;

namespace FfaConformance.Runner.Run;

/// <summary>
/// A run written down as it goes, one JSON line per event, so that a run that stops — a killed runner, a board
/// that resets — resumes where it stopped: each rule's seed, each case before it runs, the case that failed, each
/// rule's result. A run that ends removes its journal; the next run finds one only if the last did not end, and
/// takes it up only if it was for the same plan. Lines are flushed as they are written; on a slow target (a
/// case of 5 ms or more, which is where resets happen) each case line is also forced to disk.
/// </summary>
public sealed class RunJournal : IDisposable
{
    private readonly string path;
    private readonly FileStream file;
    private readonly Dictionary<(string Target, string Rule), ResultRecord> finished = [];
    private readonly Dictionary<(string Target, string Rule), (string Seed, int Started, int? Failed)> interrupted = [];
    private readonly Lock gate = new();

    private RunJournal(string path, FileStream file, string plan)
    {
        this.path = path;
        this.file = file;
        using var reader = new StreamReader(file, leaveOpen: true);
        var lines = reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var header = lines.Length > 0 ? Header(lines[0]) : null;
        if (header == plan)
        {
            Replay(lines.Skip(1));
            file.Seek(0, SeekOrigin.End);
            Note = $"{path}: a run of this plan stopped before it ended; taken up: {finished.Count} finished rule(s), {interrupted.Count} interrupted";
        }
        else
        {
            Note = lines.Length == 0 ? null
                : header is null ? $"{path} was not a journal this suite can read (its first line is no header); a new one was begun"
                : $"{path} was left by a run of another plan (targets, versions, cases or call budget differ); a new one was begun";
            file.SetLength(0);
            Write(new Dictionary<string, object> { ["journal"] = 1, ["plan"] = plan }, durable: true);
        }
    }

    /// <summary>
    /// The journal at <paramref name="path"/>, taking up what it holds when it was written for <paramref name="plan"/>;
    /// null while another run is writing it (a run holds its journal locked), since that run has not stopped.
    /// </summary>
    public static RunJournal? Open(string path, string plan)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!);
        try
        {
            return new RunJournal(path, new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None), plan);
        }
        catch (IOException)
        {
            return null;
        }
    }

    public string Path => path;

    /// <summary>What opening the journal found, in a sentence, when it found anything: a run taken up, or a journal replaced and why.</summary>
    public string? Note { get; }

    /// <summary>A rule that had finished before the run stopped: its result.</summary>
    public ResultRecord? Finished(string target, string rule) => finished.GetValueOrDefault((target, rule));

    /// <summary>A rule that was running when the run stopped: where to pick it up.</summary>
    public Resumption? Interrupted(string target, string rule) =>
        interrupted.TryGetValue((target, rule), out var at)
            ? at.Failed is { } failed
                ? new Resumption(at.Seed, failed - 1, null)   // its failure is found again and shrunk again
                : new Resumption(at.Seed, Math.Max(0, at.Started - 1), at.Started > 0 ? at.Started : null)
            : null;

    /// <summary>The journal of one rule on one target.</summary>
    public ICaseJournal For(string target, string rule) => new RuleJournal(this, target, rule);

    public void Done(ResultRecord result) =>
        WriteRaw($"{{\"target\":{JsonSerializer.Serialize(result.Target)},\"rule\":{JsonSerializer.Serialize(result.Rule)},\"result\":{RunRecordFile.WriteResult(result)}}}", durable: true);

    /// <summary>The run ended: nothing is left to resume.</summary>
    public void End()
    {
        // Deleted while still held, so that no other run can open it in between.
        File.Delete(path);
        file.Dispose();
    }

    public void Dispose() => file.Dispose();

    private static string? Header(string line)
    {
        try
        {
            using var document = JsonDocument.Parse(line);
            return document.RootElement.TryGetProperty("plan", out var plan) ? plan.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>What the lines say; a line cut short by the stop (the last one, say) is ignored.</summary>
    private void Replay(IEnumerable<string> lines)
    {
        foreach (var line in lines)
        {
            try
            {
                using var document = JsonDocument.Parse(line);
                var root = document.RootElement;
                var key = (root.GetProperty("target").GetString()!, root.GetProperty("rule").GetString()!);
                if (root.TryGetProperty("result", out var result))
                {
                    finished[key] = RunRecordFile.ReadResult(result);
                    interrupted.Remove(key);
                }
                else if (root.TryGetProperty("seed", out var seed))
                {
                    interrupted[key] = (seed.GetString()!, 0, null);
                }
                else if (interrupted.TryGetValue(key, out var at) && root.TryGetProperty("case", out var index))
                {
                    interrupted[key] = at with { Started = index.GetInt32() };
                }
                else if (interrupted.TryGetValue(key, out at) && root.TryGetProperty("failed", out var failed))
                {
                    interrupted[key] = at with { Failed = failed.GetInt32() };
                }
            }
            catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
            {
            }
        }
    }

    private void Write(Dictionary<string, object> entry, bool durable) => WriteRaw(JsonSerializer.Serialize(entry), durable);

    private void WriteRaw(string line, bool durable)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(line + "\n");
        lock (gate)
        {
            file.Write(bytes);
            file.Flush(flushToDisk: durable);
        }
    }

    private sealed class RuleJournal(RunJournal journal, string target, string rule) : ICaseJournal
    {
        private static readonly TimeSpan Slow = TimeSpan.FromMilliseconds(5);

        public void Begin(string seed) => journal.Write(Entry("seed", seed), durable: true);

        public void Case(int index, TimeSpan previous) => journal.Write(Entry("case", index), durable: previous >= Slow);

        public void Failed(int index) => journal.Write(Entry("failed", index), durable: true);

        private Dictionary<string, object> Entry(string name, object value) => new() { ["target"] = target, ["rule"] = rule, [name] = value };
    }
}
