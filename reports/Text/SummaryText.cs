using System.Text;
using FfaConformance.Rules;
using FfaConformance.Runner.Expectations;

namespace FfaConformance.Reports.Text;

/// <summary>The per-rule summary printed at the end of a run: one line per rule and target, then totals.</summary>
public static class SummaryText
{
    public static string Format(IReadOnlyList<JudgedResult> results)
    {
        var text = new StringBuilder();
        foreach (var target in results.Select(r => r.Result.Target).Distinct())
        {
            var mine = results.Where(r => r.Result.Target == target).ToArray();
            text.AppendLine($"FfaConformance — target {target}");
            foreach (var judged in mine.OrderBy(r => RuleOrder(r.Result.RuleId)))
            {
                text.AppendLine($"  {Verdicts.Mark(judged.Judgement.Verdict),-7} {judged.Result.RuleId,-34} {Detail(judged)}");
            }

            text.AppendLine($"  {Totals(mine)}; {mine.Sum(r => r.Result.Cases)} cases in {mine.Sum(r => r.Result.Duration.TotalSeconds):0.0} s");
        }

        return text.ToString().TrimEnd();
    }

    public static string Totals(IEnumerable<JudgedResult> results)
    {
        var counts = results.GroupBy(r => r.Judgement.Verdict).ToDictionary(g => g.Key, g => g.Count());
        return string.Join(", ", Enum.GetValues<Verdict>().Where(counts.ContainsKey).Select(v => $"{counts[v]} {Verdicts.Word(v)}"));
    }

    private static int RuleOrder(string id) => RuleCatalogue.All.Select(r => r.Id).ToList().IndexOf(id);

    private static string Detail(JudgedResult judged)
    {
        var result = judged.Result;
        return judged.Judgement.Verdict switch
        {
            Verdict.Passed => $"{result.Cases} cases, {result.Exercised} exercised",
            Verdict.Failed or Verdict.ExpectedFailure when result.Counterexample is { } c =>
                $"{c.Finding} [replay {c.Replay}]{(judged.Judgement.Expectation is { } e ? $" ({e.Reference})" : string.Empty)}",
            _ => judged.Judgement.Explanation,
        };
    }
}
