using System.Text;
using FfaConformance.Records;
using FfaConformance.Scenarios.Traces;

namespace FfaConformance.Reports.Text;

/// <summary>
/// A conformance test's message, from its result record: the rule and the verdict's explanation; for a failure
/// also its kind, the minimal scenario and its trace (and the first failing case when the shrunk one did not
/// fail again), the rule's basis, and the replay.
/// </summary>
public static class FailureText
{
    public static string Format(ResultRecord result, RuleRecord rule)
    {
        var text = new StringBuilder().AppendLine($"{rule.Id} ({rule.Level}) on {result.Target}: {rule.Statement}");
        if (result.Evidence is not { } evidence)
        {
            return text.Append(result.Explanation).ToString();
        }

        var failing = evidence.Failing;
        if (result.Explanation != failing.Finding?.ToString())
        {
            // An expectation's verdict, or a failure that did not reproduce: the finding alone would not say it.
            text.AppendLine(result.Explanation);
        }

        text.AppendLine($"Failure: {FailureKinds.Phrase(failing.Kind)} — {failing.Finding}");
        if (evidence.Judged is { } judged)
        {
            text.AppendLine($"Judged: {judged}");
        }

        text
            .AppendLine($"Minimal scenario (after {evidence.TestsRun} cases and {evidence.Shrinks} shrinks):")
            .AppendLine(Indent(evidence.Minimal.Scenario))
            .AppendLine("Trace (each conduit call and the answer given):")
            .AppendLine(Indent(TraceText.Render(evidence.Minimal)));
        if (!evidence.Reproduced)
        {
            text.AppendLine("The shrunk case passed when run again (the failure is flaky); the first failing case, as generated:")
                .AppendLine(Indent(evidence.Original.Scenario))
                .AppendLine(Indent(TraceText.Render(evidence.Original)));
        }

        text.AppendLine($"Basis: {rule.Basis}")
            .Append(evidence.Replay.Length > 0
                ? $"Replay seed: {evidence.Replay} (run seed {result.Seed})"
                : "No seed replays this case: it is a kept counterexample or a case lost when the run stopped, and every run of this rule on this target runs it first from the counterexample database while that is on (Run:Examples)");
        if (evidence.ReplayCommand is { } command)
        {
            text.AppendLine().Append($"Replay: {command}");
        }

        return text.ToString();
    }

    private static string Indent(string block) => "  " + block.Replace("\n", "\n  ", StringComparison.Ordinal);
}
