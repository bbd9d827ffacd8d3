using System.Globalization;
using System.IO.MemoryMappedFiles;
using System.Text;
using System.Text.Json;
using FfaConformance.Records;
using FfaConformance.Runner.Engine;
using Microsoft.Win32.SafeHandles;

namespace FfaConformance.Runner.Run;

/// <summary>
/// A run written down as it goes, one JSON line per event, so that a run that stops — a killed runner, a board
/// that resets — resumes where it stopped. The header names the suite's build and the plan; each target, once
/// built, is written with the digest of everything that defines its verdicts (<see cref="Admit"/>); under it,
/// each rule's seed, the case it is running, the case that failed and its result. A run that ends removes its
/// journal; the next run finds one only if the last did not end, and takes up a target's rules only when the
/// suite, the plan and that target's digest are all the same. The running case is one fixed-width number
/// rewritten in place through a shared mapping of the file — no system call per case, which on a fast target
/// would cost a quarter of its speed — so the journal grows per rule, not per case. Lines are written as they happen, which a
/// killed runner cannot undo; on a slow target (a case of 5 ms or more, which is where boards reset) each case
/// number, and each rule's seed and result, are also forced to disk. A fast target is spared those waits: a reset
/// that loses a line of it costs a rule checked again, never a verdict.
/// </summary>
public sealed class RunJournal : IDisposable
{
    public const int Format = 2;

    /// <summary>Digits of the running case's number, rewritten in place (JSON allows the spaces that pad it).</summary>
    private const int CaseWidth = 10;

    private readonly SafeFileHandle file;
    private readonly Dictionary<string, Stopped> stopped = new(StringComparer.Ordinal);
    private readonly List<string> notes = [];
    private readonly HashSet<RuleJournal> live = [];
    private readonly Lock gate = new();
    private long end;

    /// <summary>The last case took 5 ms or more: the target is one where resets happen, and lines are forced to disk.</summary>
    private volatile bool slow;

    private RunJournal(string path, SafeFileHandle file, string suite, string plan)
    {
        Path = path;
        this.file = file;
        var length = RandomAccess.GetLength(file);
        var bytes = new byte[length];
        RandomAccess.Read(file, bytes, 0);
        var lines = Encoding.UTF8.GetString(bytes).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var header = lines.Length > 0 ? Header(lines[0]) : null;
        if (header is { } found && found.Suite == suite && found.Plan == plan)
        {
            Replay(lines.Skip(1));
            end = length;
            if (stopped.Count > 0)
            {
                // Taken up target by target, as each is admitted with the digest it had.
                notes.Add($"{path}: a run of this plan stopped before it ended, having finished {stopped.Values.Sum(t => t.Finished.Count)} rule(s) " +
                    $"and begun {stopped.Values.Sum(t => t.Interrupted.Count)} more");
            }

            return;
        }

        if (lines.Length > 0)
        {
            notes.Add(header switch
            {
                null => $"{path} was not a journal this suite can read (its first line is no header of format {Format}); a new one was begun",
                { Suite: var other } when other != suite => $"{path} was left by a run of another build of the suite (its code, rules or C harness differ); nothing of it was taken up and a new one was begun",
                _ => $"{path} was left by a run of another plan (targets, adapters, versions, cases or call budget differ); nothing of it was taken up and a new one was begun",
            });
        }

        RandomAccess.SetLength(file, 0);
        Append(JsonSerializer.Serialize(new Dictionary<string, object> { ["journal"] = Format, ["suite"] = suite, ["plan"] = plan }), durable: true);
    }

    /// <summary>
    /// The journal at <paramref name="path"/>, taking up what it holds when it was written by the same build of the
    /// suite (<paramref name="suite"/>) for the same <paramref name="plan"/>; <see cref="IOException"/> when another
    /// process holds it.
    /// </summary>
    public static RunJournal Open(string path, string suite, string plan)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!);
        var file = File.OpenHandle(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        try
        {
            return new RunJournal(path, file, suite, plan);
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    public string Path { get; }

    /// <summary>What the journal found, a sentence each: a run taken up, a journal replaced and why, a target whose inputs changed.</summary>
    public IReadOnlyList<string> Notes
    {
        get
        {
            lock (gate)
            {
                return [.. notes];
            }
        }
    }

    /// <summary>The journal's size in bytes.</summary>
    public long Length
    {
        get
        {
            lock (gate)
            {
                return end;
            }
        }
    }

    /// <summary>
    /// <paramref name="target"/> was built, and <paramref name="digest"/> is everything that defines its verdicts
    /// (null: it could not be built). What the stopped run wrote of it is taken up only when its digest was the
    /// same; otherwise it is dropped, and a note says so.
    /// </summary>
    public void Admit(string target, string? digest)
    {
        lock (gate)
        {
            if (stopped.TryGetValue(target, out var before) && before.Digest != digest)
            {
                stopped.Remove(target);
                if (before.Finished.Count + before.Interrupted.Count > 0)
                {
                    notes.Add(digest is null
                        ? $"{target} could not be built now; its {before.Finished.Count} finished and {before.Interrupted.Count} interrupted rule(s) of the stopped run were not taken up"
                        : $"{target}'s inputs changed since the run stopped (its source as compiled, build, firmware or kernel, expectations or configuration); " +
                          $"its {before.Finished.Count} finished and {before.Interrupted.Count} interrupted rule(s) are checked again");
                }
            }

            if (digest is not null && !stopped.ContainsKey(target))
            {
                stopped[target] = new Stopped(digest);
                Append(JsonSerializer.Serialize(new Dictionary<string, object> { ["target"] = target, ["digest"] = digest }), durable: true);
            }
        }
    }

    /// <summary>A rule of an admitted target that had finished before the run stopped: its result.</summary>
    public ResultRecord? Finished(string target, string rule)
    {
        lock (gate)
        {
            return stopped.GetValueOrDefault(target)?.Finished.GetValueOrDefault(rule);
        }
    }

    /// <summary>A rule of an admitted target that was running when the run stopped: where to pick it up.</summary>
    public Resumption? Interrupted(string target, string rule)
    {
        lock (gate)
        {
            return stopped.GetValueOrDefault(target)?.Interrupted.TryGetValue(rule, out var at) is true
                ? at.Failed is { } failed
                    ? new Resumption(at.Seed, failed - 1, null)   // its failure is found again and shrunk again
                    : new Resumption(at.Seed, Math.Max(0, at.Started - 1), at.Started > 0 ? at.Started : null)
                : null;
        }
    }

    /// <summary>The journal of one rule on one target; disposing it, or this journal, lets go of its mapping.</summary>
    public ICaseJournal For(string target, string rule)
    {
        var journal = new RuleJournal(this, target, rule);
        lock (gate)
        {
            live.Add(journal);
        }

        return journal;
    }

    public void Done(ResultRecord result) =>
        Append($"{{\"target\":{JsonSerializer.Serialize(result.Target)},\"rule\":{JsonSerializer.Serialize(result.Rule)},\"result\":{RunRecordFile.WriteResult(result)}}}", durable: slow);

    /// <summary>The run ended, or cannot stand for what it checked: nothing is left to resume.</summary>
    public void End()
    {
        // Deleted while still held, so that no other run can open it in between.
        File.Delete(Path);
        Dispose();
    }

    /// <summary>Closes the journal; a mapping still open would keep the file, and so its lock, held.</summary>
    public void Dispose()
    {
        RuleJournal[] open;
        lock (gate)
        {
            open = [.. live];
        }

        foreach (var journal in open)
        {
            journal.Dispose();
        }

        file.Dispose();
    }

    private static (string Suite, string Plan)? Header(string line)
    {
        try
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            return root.TryGetProperty("journal", out var format) && format.ValueKind == JsonValueKind.Number && format.GetInt32() == Format
                && root.TryGetProperty("suite", out var suite) && root.TryGetProperty("plan", out var plan)
                ? (suite.GetString()!, plan.GetString()!)
                : null;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
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
                var target = root.GetProperty("target").GetString()!;
                if (root.TryGetProperty("digest", out var digest))
                {
                    // A target admitted again under another digest: what came before belongs to other inputs.
                    stopped[target] = new Stopped(digest.GetString()!);
                    continue;
                }

                if (stopped.GetValueOrDefault(target) is not { } entries)
                {
                    continue;
                }

                var rule = root.GetProperty("rule").GetString()!;
                if (root.TryGetProperty("result", out var result))
                {
                    entries.Finished[rule] = RunRecordFile.ReadResult(result);
                    entries.Interrupted.Remove(rule);
                }
                else if (root.TryGetProperty("seed", out var seed))
                {
                    entries.Interrupted[rule] = (seed.GetString()!, 0, null);
                }
                else if (entries.Interrupted.TryGetValue(rule, out var at) && root.TryGetProperty("case", out var index))
                {
                    entries.Interrupted[rule] = at with { Started = index.GetInt32() };
                }
                else if (entries.Interrupted.TryGetValue(rule, out at) && root.TryGetProperty("failed", out var failed))
                {
                    entries.Interrupted[rule] = at with { Failed = failed.GetInt32() };
                }
            }
            catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
            {
            }
        }
    }

    /// <summary>Appends a line; returns where it starts.</summary>
    private long Append(string line, bool durable)
    {
        var bytes = Encoding.UTF8.GetBytes(line + "\n");
        lock (gate)
        {
            var at = end;
            RandomAccess.Write(file, bytes, at);
            end += bytes.Length;
            if (durable)
            {
                RandomAccess.FlushToDisk(file);
            }

            return at;
        }
    }

    /// <summary>A shared, writable mapping of <paramref name="length"/> bytes at <paramref name="offset"/>: what is stored there is the file's, and survives a killed process.</summary>
    private (MemoryMappedFile Map, MemoryMappedViewAccessor View) Map(long offset, int length)
    {
        lock (gate)
        {
            var map = MemoryMappedFile.CreateFromFile(file, null, 0, MemoryMappedFileAccess.ReadWrite, HandleInheritability.None, leaveOpen: true);
            return (map, map.CreateViewAccessor(offset, length, MemoryMappedFileAccess.ReadWrite));
        }
    }

    /// <summary>What the stopped run wrote of one target under its last digest.</summary>
    private sealed class Stopped(string digest)
    {
        public string Digest { get; } = digest;

        public Dictionary<string, ResultRecord> Finished { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, (string Seed, int Started, int? Failed)> Interrupted { get; } = new(StringComparer.Ordinal);
    }

    private sealed class RuleJournal(RunJournal journal, string target, string rule) : ICaseJournal
    {
        private static readonly TimeSpan Slow = TimeSpan.FromMilliseconds(5);
        private readonly byte[] digits = new byte[CaseWidth];
        private (MemoryMappedFile Map, MemoryMappedViewAccessor View)? slot;

        public void Begin(string seed)
        {
            journal.Append(Line("seed", JsonSerializer.Serialize(seed)), durable: false);
            var prefix = Line("case", string.Empty);
            var at = journal.Append(prefix + new string(' ', CaseWidth - 1) + "0}", durable: journal.slow) + Encoding.UTF8.GetByteCount(prefix);
            Unmap();
            slot = journal.Map(at, CaseWidth);
        }

        public void Case(int index, TimeSpan previous)
        {
            var view = slot?.View ?? throw new InvalidOperationException($"case {index} of {rule} on {target} before the rule's seed was written");
            var text = index.ToString(CultureInfo.InvariantCulture).PadLeft(CaseWidth);
            Encoding.ASCII.GetBytes(text, digits);
            view.WriteArray(0, digits, 0, CaseWidth);
            journal.slow = previous >= Slow;
            if (journal.slow)
            {
                view.Flush();
            }
        }

        public void Dispose()
        {
            Unmap();
            lock (journal.gate)
            {
                journal.live.Remove(this);
            }
        }

        private void Unmap()
        {
            slot?.View.Dispose();
            slot?.Map.Dispose();
            slot = null;
        }

        public void Failed(int index) => journal.Append(Line("failed", index.ToString(CultureInfo.InvariantCulture)), durable: true);

        /// <summary>{"target":…,"rule":…,"name":value — the value as JSON, and the closing brace unless it is empty.</summary>
        private string Line(string name, string value) =>
            $"{{\"target\":{JsonSerializer.Serialize(target)},\"rule\":{JsonSerializer.Serialize(rule)},\"{name}\":{value}{(value.Length == 0 ? string.Empty : "}")}";
    }
}
