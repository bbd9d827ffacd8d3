using FfaConformance.Reports.Records;

namespace FfaConformance.Reports.Diff;

/// <summary>How one rule on one target changed since the baseline run.</summary>
public enum ChangeKind
{
    NewFailure,
    Fixed,
    ChangedCounterexample,
}

/// <summary>A change, with what the baseline and this run said.</summary>
public sealed record Change(string Target, string Rule, ChangeKind Kind, string Before, string After);

/// <summary>
/// This run against a baseline run: rules that fail now and did not (new failures), rules that failed and
/// pass now (fixes), and rules that fail in both with a different minimal counterexample.
/// </summary>
public static class BaselineDiff
{
    public static IReadOnlyList<Change> Compare(RunRecord baseline, RunRecord current)
    {
        var before = baseline.Results.ToDictionary(r => (r.Target, r.Rule));
        var changes = new List<Change>();
        foreach (var now in current.Results)
        {
            var then = before.GetValueOrDefault((now.Target, now.Rule));
            var failedThen = then?.Outcome == "Failed";
            var failedNow = now.Outcome == "Failed";
            if (failedNow && !failedThen)
            {
                changes.Add(new Change(now.Target, now.Rule, ChangeKind.NewFailure, then is null ? "not run" : then.Outcome, Describe(now)));
            }
            else if (failedThen && now.Outcome == "Passed")
            {
                changes.Add(new Change(now.Target, now.Rule, ChangeKind.Fixed, Describe(then!), $"passed {now.Cases} cases"));
            }
            else if (failedThen && failedNow && !SameCounterexample(then!.Evidence, now.Evidence))
            {
                changes.Add(new Change(now.Target, now.Rule, ChangeKind.ChangedCounterexample, Describe(then), Describe(now)));
            }
        }

        return changes;
    }

    private static bool SameCounterexample(EvidenceRecord? a, EvidenceRecord? b) =>
        a?.Scenario == b?.Scenario && a?.Finding.Text == b?.Finding.Text && a?.Finding.Actual == b?.Finding.Actual;

    private static string Describe(ResultRecord result) => result.Evidence is { } e
        ? $"{e.Finding.Text}{(e.Finding.Expected is null ? string.Empty : $" (expected {e.Finding.Expected}, got {e.Finding.Actual})")}\n{e.Scenario}"
        : result.Explanation;
}
