using FfaConformance.Abi;
using FfaConformance.Adapters.Emulator;
using FfaConformance.Records;
using FfaConformance.Rules;
using FfaConformance.Rules.Model;
using FfaConformance.Runner.Configuration;
using FfaConformance.Runner.Engine;
using FfaConformance.Scenarios;
using FfaConformance.SecureWorld;
using FfaConformance.Tests.Support;

namespace FfaConformance.Tests.Reference;

/// <summary>The C# reference transport conforms to every rule at every version, and a default run covers what it must.</summary>
[TestFixture]
[Category("Fast")]
public sealed class ReferenceTests
{
    private static readonly RuleRunner Runner = new(new ManagedSecureWorld(PartitionTable.Default, FfaVersion.V1_3));

    public static IEnumerable<TestCaseData> RulesAtEveryVersion() =>
        from version in FfaVersion.Known
        from rule in RuleCatalogue.All
        select new TestCaseData(rule.Id, version).SetName($"reference {version} {rule.Id}");

    [TestCaseSource(nameof(RulesAtEveryVersion))]
    public void PassesOrIsNotApplicable(string ruleId, FfaVersion version)
    {
        using var target = EmulatorTarget.Reference("reference", version);
        var rule = RuleCatalogue.Get(ruleId);

        var result = Runner.Check(target, rule, SettingsLoader.DefaultOptions);

        var expected = rule.Info.Applicability.WhyNot(target.Description) is null ? RuleOutcome.Passed : RuleOutcome.NotApplicable;
        Assert.That(result.Outcome, Is.EqualTo(expected), result.Counterexample is null ? result.Message : Messages.Of(result));
    }

    [Test]
    public void ADefaultRunCoversEveryAnswerClassAndEveryErrorCode()
    {
        using var target = EmulatorTarget.Reference("reference", FfaVersion.V1_2);
        var generated = RuleCatalogue.All
            .Select(rule => Runner.Check(target, rule, SettingsLoader.DefaultOptions))
            .SelectMany(result => result.Classes.Keys)
            .ToHashSet();

        string[] answers =
        [
            "DIRECT_RESP_32", "DIRECT_RESP_64", "FFA_ERROR_32", "FFA_SUCCESS_32", "FFA_SUCCESS_64", "FFA_INTERRUPT_32",
            "FFA_INTERRUPT_64", "FFA_YIELD_32", "FFA_YIELD_64", "SMCCC_NOT_SUPPORTED", "UNKNOWN_FID",
        ];
        var codes = FfaErrors.All.Select(e => SendView.CodeClass((int)e));
        string[] others = ["code 0", "positive code", "code ≤ −11", "x2 sign-extended", "x2[63:32] garbage", "depth 0", "depth 1", "depth 2–3", "depth 4–7", "depth ≥8"];
        Assert.That(answers.Concat(codes).Concat(others).Where(c => !generated.Contains(c)), Is.Empty);
    }
}
