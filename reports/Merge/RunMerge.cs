using FfaConformance.Records;

namespace FfaConformance.Reports.Merge;

/// <summary>
/// Several runs as one: one per target, or one per night. A target that appears in more than one run keeps
/// one column per run, named "target @ start time" (to the minute, or to the second, or numbered, as far as it
/// takes to tell runs apart), so nights sit side by side. The same run given twice is the caller's to refuse.
/// </summary>
public static class RunMerge
{
    public static RunRecord Merge(IReadOnlyList<RunRecord> runs)
    {
        if (runs.Count == 1)
        {
            return runs[0];
        }

        var repeated = runs.SelectMany(r => r.Targets.Select(t => t.Name)).GroupBy(n => n).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet();
        var labels = Labels(runs);
        string Column(int run, string target) => repeated.Contains(target) ? $"{target} @ {labels[run]}" : target;

        var first = runs.MinBy(r => r.Run.Started)!;
        return new RunRecord(
            RunRecord.CurrentFormat,
            new RunInfo(
                string.Join(" + ", runs.Select(r => r.Run.Id)),
                first.Run.Started,
                runs.Max(r => r.Run.Finished),
                string.Join(" | ", runs.Select(r => r.Run.Host).Distinct()),
                string.Join(" | ", runs.Select(r => r.Run.Runtime).Distinct()),
                string.Join(" ", runs.Select(r => r.Run.Commit).OfType<string>().Distinct()) is { Length: > 0 } commits ? commits : null,
                runs.Max(r => r.Run.MaxTest),
                runs.Max(r => r.Run.CallBudget),
                string.Join(" | ", runs.Select(r => r.Run.SecureWorldVersion).Distinct()),
                string.Join(" | ", runs.Select(r => r.Run.Replay).OfType<string>().Distinct()) is { Length: > 0 } replay ? replay : null,
                runs.All(r => r.Run.Complete))
            {
                Notes = [.. runs.SelectMany(r => r.Run.Notes.Select(n => $"{r.Run.Id}: {n}"))],
            },
            [.. runs.SelectMany(r => r.Rules).DistinctBy(r => r.Id)],
            [.. runs.SelectMany((run, i) => run.Targets.Select(t => t with { Name = Column(i, t.Name), MaxTest = t.MaxTest ?? run.Run.MaxTest }))],
            [.. runs.SelectMany((run, i) => run.Results.Select(r => r with { Target = Column(i, r.Target) }))]);
    }

    /// <summary>Each run's start, in the order given, as short as still tells it from every other run's.</summary>
    private static string[] Labels(IReadOnlyList<RunRecord> runs)
    {
        foreach (var format in new[] { "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss" })
        {
            var labels = runs.Select(r => r.Run.Started.ToString(format, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
            if (labels.Distinct().Count() == runs.Count)
            {
                return labels;
            }
        }

        return [.. runs.Select((r, i) => $"{r.Run.Started:yyyy-MM-dd HH:mm:ss} #{i + 1}")];
    }
}
