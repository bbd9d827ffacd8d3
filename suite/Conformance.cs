using FfaConformance.Records;
using FfaConformance.Reports.Text;
using FfaConformance.Rules;
using FfaConformance.Runner.Records;

namespace FfaConformance.Suite;

/// <summary>
/// One test per configured target and rule, named "target/RULE-ID", with the properties Target, Rule, Level and
/// Area, which a test filter selects by (--filter "Target=emulator&amp;Rule=INV-RT-GATE"). Each test asks the
/// one conformance run for its result and reports it as the result's record says.
/// </summary>
[TestFixture]
public sealed class Conformance
{
    private static readonly IReadOnlyDictionary<string, RuleRecord> Rules = RecordBuilder.Rules().ToDictionary(r => r.Id);

    public static IEnumerable<TestCaseData> Cases()
    {
        var suite = SuiteRun.Current;
        var targets = suite.Settings?.Targets.Select(t => t.Name) ?? suite.Mentioned;
        foreach (var target in targets)
        {
            foreach (var rule in RuleCatalogue.All)
            {
                var test = new TestCaseData(target, rule.Id)
                    .SetName($"{target}/{rule.Id}")
                    .SetDescription(rule.Info.Statement)
                    .SetProperty("Target", target)
                    .SetProperty("Rule", rule.Id)
                    .SetProperty("Level", rule.Info.Level.ToString().ToUpperInvariant())
                    .SetProperty("Area", rule.Info.Area.ToString());
                yield return test;
            }
        }
    }

    [TestCaseSource(nameof(Cases))]
    public void Rule(string target, string ruleId)
    {
        var (run, error) = SuiteRun.Current.Begin();
        if (run is null)
        {
            throw new ConformanceFailure(error!);
        }

        var result = run.Check(target, ruleId);
        var message = FailureText.Format(result, Rules[ruleId]);
        if (result.IsRed)
        {
            throw new ConformanceFailure(message);
        }

        if (result.Verdict == Verdict.Skipped)
        {
            Assert.Ignore(message);
        }

        Assert.Pass(message);
    }
}
