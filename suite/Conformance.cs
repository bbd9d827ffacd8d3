using FfaConformance.Reports;
using FfaConformance.Reports.Text;
using FfaConformance.Rules;
using FfaConformance.Runner.Configuration;
using FfaConformance.Runner.Expectations;
using NUnit.Framework.Interfaces;
using NUnit.Framework.Internal;

namespace FfaConformance.Suite;

/// <summary>One test per configured target and rule, named "target/RULE-ID" and categorised by both.</summary>
[TestFixture]
public sealed class Conformance
{
    public static IEnumerable<TestCaseData> Cases()
    {
        SuiteRun run;
        try
        {
            run = SuiteRun.Current;
        }
        catch (ConfigurationException error)
        {
            return [Broken(error.Message)];
        }

        return CasesOf(run);
    }

    /// <summary>One clear line instead of a stack trace: a not-runnable case reports its reason as the failure.</summary>
    private static TestCaseData Broken(string message)
    {
        var broken = new TestCaseData(string.Empty, string.Empty).SetName("configuration");
        broken.RunState = RunState.NotRunnable;
        broken.Properties.Set(PropertyNames.SkipReason, $"configuration error: {message}");
        return broken;
    }

    private static IEnumerable<TestCaseData> CasesOf(SuiteRun run)
    {
        foreach (var target in run.Settings.Targets)
        {
            foreach (var rule in RuleCatalogue.All)
            {
                yield return new TestCaseData(target.Name, rule.Id)
                    .SetName(Replay.TestName(target.Name, rule.Id))
                    .SetCategory($"Target={target.Name}")
                    .SetCategory($"Rule={rule.Id}")
                    .SetCategory($"Level={rule.Info.Level.ToString().ToUpperInvariant()}")
                    .SetCategory($"Area={rule.Info.Area}")
                    .SetDescription(rule.Info.Statement);
            }
        }
    }

    [TestCaseSource(nameof(Cases))]
    public void Rule(string target, string ruleId)
    {
        var (result, judgement) = SuiteRun.Current.Check(target, ruleId);
        var evidence = result.Counterexample is null ? string.Empty : "\n" + FailureText.Format(result);
        switch (judgement.Verdict)
        {
            case Verdict.Passed:
                Assert.Pass($"{ruleId} on {target}: {judgement.Explanation}");
                break;
            case Verdict.ExpectedFailure:
                Assert.Pass($"{ruleId} on {target}: {judgement.Explanation}{evidence}");
                break;
            case Verdict.Skipped:
                Assert.Ignore($"{ruleId} on {target}: {judgement.Explanation}");
                break;
            default:
                Assert.Fail(judgement.Verdict == Verdict.Failed && result.Counterexample is not null
                    ? FailureText.Format(result)
                    : $"{ruleId} on {target}: {judgement.Explanation}{evidence}");
                break;
        }
    }
}
