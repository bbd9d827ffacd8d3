using System.Text;
using FfaConformance.Rules;
using FfaConformance.Runner.Engine;

namespace FfaConformance.Reports.Text;

/// <summary>The message of a failing conformance test: rule, finding, shrunk scenario, trace, replay.</summary>
public static class FailureText
{
    public static string Format(RuleResult result)
    {
        var rule = RuleCatalogue.Get(result.RuleId);
        var text = new StringBuilder()
            .AppendLine($"{rule.Id} ({rule.Info.Level.ToString().ToUpperInvariant()}) failed on {result.Target}: {rule.Info.Statement}");
        if (result.Counterexample is not { } counterexample)
        {
            return text.Append(result.Message).ToString();
        }

        text.AppendLine($"Finding: {counterexample.Finding}")
            .AppendLine($"Minimal scenario (after {counterexample.TestsRun} cases and {counterexample.Shrinks} shrinks):")
            .AppendLine(Indent(counterexample.Scenario.ToString()))
            .AppendLine("Trace (each conduit call and the answer given):")
            .AppendLine(Indent(counterexample.Trace.ToString()))
            .AppendLine($"Basis: {rule.Info.Basis}")
            .AppendLine($"Replay seed: {counterexample.Replay} (run seed {result.Seed})")
            .Append($"Replay: {Replay.Command(result.Target, rule.Id, counterexample.Replay)}");
        return text.ToString();
    }

    private static string Indent(string block) => "  " + block.Replace("\n", "\n  ", StringComparison.Ordinal);
}
