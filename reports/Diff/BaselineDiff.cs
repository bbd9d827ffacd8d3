using FfaConformance.Records;

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
            var failedThen = then?.Outcome == RuleOutcome.Failed;
            var failedNow = now.Outcome == RuleOutcome.Failed;
            if (failedNow && !failedThen)
            {
                changes.Add(new Change(now.Target, now.Rule, ChangeKind.NewFailure, then is null ? "not in the baseline" : then.Outcome.ToString(), Describe(now)));
            }
            else if (failedThen && now.Outcome == RuleOutcome.Passed)
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
        a?.Failing.Scenario == b?.Failing.Scenario && a?.Failing.Finding?.Text == b?.Failing.Finding?.Text && a?.Failing.Finding?.Actual == b?.Failing.Finding?.Actual;

    private static string Describe(ResultRecord result) => result.Evidence is { } e
        ? $"{e.Failing.Finding}\n{e.Failing.Scenario}"
        : result.Explanation;
}
