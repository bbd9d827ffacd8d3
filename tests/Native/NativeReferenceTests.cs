using FfaConformance.Abi;
using FfaConformance.Adapters.Native;
using FfaConformance.Records;
using FfaConformance.Rules;
using FfaConformance.Runner.Configuration;
using FfaConformance.Runner.Engine;
using FfaConformance.Scenarios;
using FfaConformance.SecureWorld;
using FfaConformance.Tests.Support;

namespace FfaConformance.Tests.Native;

/// <summary>The C reference transport passes every rule at every version, through the native adapter.</summary>
[TestFixture]
[Category("Native")]
public sealed class NativeReferenceTests
{
    private static readonly RuleRunner Runner = new(new ManagedSecureWorld(PartitionTable.Default, FfaVersion.V1_3));
    private readonly Dictionary<FfaVersion, NativeTarget> targets = [];

    public static IEnumerable<TestCaseData> RulesAtEveryVersion() =>
        from version in FfaVersion.Known
        from rule in RuleCatalogue.All
        select new TestCaseData(rule.Id, version).SetName($"C reference {version} {rule.Id}");

    [OneTimeSetUp]
    public void Toolchain() => NativeTargets.RequireToolchain();

    [OneTimeTearDown]
    public void StopHosts()
    {
        foreach (var target in targets.Values)
        {
            target.Dispose();
        }
    }

    [TestCaseSource(nameof(RulesAtEveryVersion))]
    public void PassesOrIsNotApplicable(string ruleId, FfaVersion version)
    {
        if (!targets.TryGetValue(version, out var target))
        {
            targets[version] = target = NativeTargets.Create($"c-reference-{version}", NativeTargets.Reference, version);
        }

        var rule = RuleCatalogue.Get(ruleId);
        var result = Runner.Check(target, rule, SettingsLoader.DefaultOptions);

        var expected = rule.Info.Applicability.WhyNot(target.Description) is null ? RuleOutcome.Passed : RuleOutcome.NotApplicable;
        Assert.That(result.Outcome, Is.EqualTo(expected), result.Counterexample is null ? result.Message : Messages.Of(result));
    }
}
