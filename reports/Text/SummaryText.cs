using System.Globalization;
using System.Text;
using FfaConformance.Records;
using FfaConformance.Scenarios.Traces;

namespace FfaConformance.Reports.Text;

/// <summary>The per-rule summary printed at the end of a run: one line per rule and target, then totals, then the run's notes.</summary>
public static class SummaryText
{
    public static string Format(RunRecord run)
    {
        var text = new StringBuilder();
        var order = run.Rules.Select((r, i) => (r.Id, i)).ToDictionary(p => p.Id, p => p.i);
        foreach (var target in run.Results.Select(r => r.Target).Distinct())
        {
            var mine = run.Results.Where(r => r.Target == target).OrderBy(r => order.GetValueOrDefault(r.Rule, int.MaxValue)).ToArray();
            text.AppendLine($"FfaConformance — target {target}");
            if (mine.All(r => r.Outcome is RuleOutcome.Broken or RuleOutcome.Unavailable) && mine.Select(r => r.Explanation).Distinct().Count() == 1)
            {
                // A target that could not be built says so once, not once per rule.
                text.AppendLine($"  {Verdicts.Mark(mine[0].Verdict),-7} every rule: {OneLine(mine[0].Explanation)}");
            }
            else
            {
                foreach (var result in mine)
                {
                    text.AppendLine($"  {Verdicts.Mark(result.Verdict),-7} {result.Rule,-34} {OneLine(Detail(result))}");
                }
            }

            text.AppendLine(string.Create(CultureInfo.InvariantCulture, $"  {Totals(mine)}; {mine.Sum(r => r.Cases)} cases in {mine.Sum(r => r.Seconds):0.0} s"));
        }

        foreach (var note in run.Run.Notes)
        {
            text.AppendLine($"Note: {OneLine(note)}");
        }

        return text.ToString().TrimEnd();
    }

    /// <summary>A line of the summary is one line, whatever a message brought (a compiler's output, say): its lines joined with " ⏎ ".</summary>
    private static string OneLine(string text) => string.Join(" ⏎ ", text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    public static string Totals(IEnumerable<ResultRecord> results)
    {
        var counts = results.GroupBy(r => r.Verdict).ToDictionary(g => g.Key, g => g.Count());
        return string.Join(", ", Enum.GetValues<Verdict>().Where(counts.ContainsKey).Select(v => $"{counts[v]} {Verdicts.Word(v)}"));
    }

    private static string Detail(ResultRecord result) => result.Verdict switch
    {
        Verdict.Passed => $"{result.Cases} cases, {result.Exercised} exercised",
        Verdict.Failed or Verdict.ExpectedFailure when result.Evidence is { } e =>
            $"{e.Failing.Finding} [{(e.Replay.Length > 0 ? $"replay {e.Replay}" : e.Failing.Kind == FailureKind.Lost ? "a case lost when the run stopped" : "a kept counterexample")}]{(result.Expectation is { } x ? $" ({x.Reference})" : string.Empty)}",
        _ => result.Explanation,
    };
}
