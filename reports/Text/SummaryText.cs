using System.Text;
using FfaConformance.Rules;
using FfaConformance.Runner.Engine;

namespace FfaConformance.Reports.Text;

/// <summary>The per-rule summary printed at the end of a run: one line per rule and target, then totals.</summary>
public static class SummaryText
{
    public static string Format(IReadOnlyList<RuleResult> results)
    {
        var text = new StringBuilder();
        foreach (var target in results.Select(r => r.Target).Distinct())
        {
            var mine = results.Where(r => r.Target == target).ToArray();
            text.AppendLine($"FfaConformance — target {target}");
            foreach (var result in mine.OrderBy(r => RuleOrder(r.RuleId)))
            {
                text.AppendLine($"  {Mark(result.Outcome),-6} {result.RuleId,-34} {Detail(result)}");
            }

            text.AppendLine($"  {Totals(mine)}, {mine.Sum(r => r.Cases)} cases in {mine.Sum(r => r.Duration.TotalSeconds):0.0} s");
        }

        return text.ToString().TrimEnd();
    }

    public static string Totals(IEnumerable<RuleResult> results)
    {
        var counts = results.GroupBy(r => r.Outcome).ToDictionary(g => g.Key, g => g.Count());
        return string.Join(", ", Enum.GetValues<RuleOutcome>().Select(o => $"{counts.GetValueOrDefault(o)} {Word(o)}"));
    }

    private static int RuleOrder(string id) => RuleCatalogue.All.Select(r => r.Id).ToList().IndexOf(id);

    private static string Mark(RuleOutcome outcome) => outcome switch
    {
        RuleOutcome.Passed => "pass",
        RuleOutcome.Failed => "FAIL",
        RuleOutcome.CoverageGap => "GAP",
        _ => "skip",
    };

    private static string Word(RuleOutcome outcome) => outcome switch
    {
        RuleOutcome.Passed => "passed",
        RuleOutcome.Failed => "failed",
        RuleOutcome.CoverageGap => "coverage gaps",
        _ => "not applicable",
    };

    private static string Detail(RuleResult result) => result.Outcome switch
    {
        RuleOutcome.Passed => $"{result.Cases} cases, {result.Exercised} exercised",
        RuleOutcome.Failed => result.Counterexample is { } c ? $"{c.Finding} [replay {c.Replay}]" : result.Message,
        _ => result.Message,
    };
}
