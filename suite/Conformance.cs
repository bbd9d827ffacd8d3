using FfaConformance.Reports;
using FfaConformance.Reports.Text;
using FfaConformance.Rules;
using FfaConformance.Runner.Configuration;
using FfaConformance.Runner.Engine;
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
        var result = SuiteRun.Current.Check(target, ruleId);
        switch (result.Outcome)
        {
            case RuleOutcome.Passed:
                Assert.Pass($"{result.RuleId} on {target}: {result.Message}");
                break;
            case RuleOutcome.NotApplicable:
                Assert.Ignore($"{result.RuleId} not applicable to {target}: {result.Message}");
                break;
            default:
                Assert.Fail(FailureText.Format(result));
                break;
        }
    }
}
