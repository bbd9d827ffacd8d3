using FfaConformance.Records;

namespace FfaConformance.Reports.History;

/// <summary>
/// A series of runs, oldest first — nightly runs, say — and the history of every target × rule through them, by
/// target name as each run recorded it: what `ffa report` shows, as wpt.fyi shows results over time.
/// </summary>
public sealed record RunSeries(IReadOnlyList<RunInfo> Runs, IReadOnlyList<RuleHistory> Rules)
{
    public static RunSeries Of(IReadOnlyList<RunRecord> runs)
    {
        var ordered = runs.OrderBy(r => r.Run.Started).ToArray();
        var verdicts = ordered.Select(r => r.Results.ToDictionary(x => (x.Target, x.Rule), x => x.Verdict)).ToArray();
        return new RunSeries(
            [.. ordered.Select(r => r.Run)],
            [.. ordered.SelectMany(r => r.Results.Select(x => (x.Target, x.Rule))).Distinct()
                .Select(key => new RuleHistory(key.Target, key.Rule, [.. verdicts.Select(v => v.TryGetValue(key, out var verdict) ? verdict : (Verdict?)null)]))]);
    }

    /// <summary>One line for the console: how many are red in the last run that judged them, and how many are flaky.</summary>
    public string Summary =>
        $"history of {Runs.Count} runs: {Rules.Count(r => r.RedNow)} target × rule red in their last run, {Rules.Count(r => r.Flaky)} flaky, " +
        $"{Rules.Count(r => r.LastGreen is not null && !r.RedNow && !r.Flaky)} green";
}
