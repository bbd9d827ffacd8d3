using FfaConformance.Abi;
using FfaConformance.Adapters.Native;
using FfaConformance.Reports.Text;
using FfaConformance.Rules;
using FfaConformance.Runner.Engine;
using FfaConformance.Runner.Expectations;
using FfaConformance.Scenarios;
using FfaConformance.Scenarios.Steps;
using FfaConformance.SecureWorld;
using FfaConformance.Tests.Mutants;

namespace FfaConformance.Tests.Native;

/// <summary>
/// The seed (U-Boot's arm-ffa-runtime.c from the patch, compiled unmodified) fails exactly the rules its
/// expectations file lists, each with the same minimal counterexample as the C# mutant with that deviation.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class SeedTests
{
    private static readonly RuleRunner Runner = new(new ManagedSecureWorld(PartitionTable.Default, FfaVersion.V1_3));

    /// <summary>Which mutant's minimal counterexample the seed's failure of each rule must equal.</summary>
    private static readonly Dictionary<string, string> SameMinimumAs = new()
    {
        ["INV-RT-ENABLE-VALID"] = nameof(EnablesRuntimeWithoutContext),
        ["INV-REQ-NULL-MSG"] = nameof(DereferencesNullMessage),
        ["INV-REQ-SMC32-WIDTH"] = nameof(PassesSmc32PayloadUnmasked),
        ["INV-RESP-SMC32-MASK"] = nameof(CopiesSmc32ResponseUnmasked),
        ["INV-RESP-MATCH-WIDTH"] = nameof(AcceptsOtherWidthResponse),
        ["INV-RESP-SUCCESS-NOT-COMPLETION"] = nameof(SuccessCompletes),
        ["INV-RESP-W0-32"] = nameof(ComparesWholeX0),
        ["INV-RESP-W1-ECHO"] = nameof(TrustsAnyResponder),
        ["INV-RESP-W2-PARTITION"] = nameof(IgnoresResponseFlags),
        ["INV-ERR-ONLY-FFA_ERROR"] = nameof(DecodesX2OfAnyReply),
        ["INV-SMCCC-UNKNOWN"] = nameof(IgnoresSmcccNotSupported),
        ["INV-INT-64-GATED"] = nameof(IssuesRun64),
        ["INV-INT-BOUND"] = nameof(ResumesWithoutBound),
        ["INV-YIELD-W2-NOT-ERROR"] = nameof(YieldIsAnError),
    };

    private NativeTarget? seed;

    [OneTimeSetUp]
    public void BuildTheSeed()
    {
        NativeTargets.RequireToolchain();
        if (!Directory.Exists(NativeTargets.Seed))
        {
            Assert.Ignore($"the seed is not present at {NativeTargets.Seed}");
        }

        seed = NativeTargets.Create("seed", NativeTargets.Seed, FfaVersion.V1_0);
    }

    [OneTimeTearDown]
    public void Stop() => seed?.Dispose();

    [Test]
    public void FailsExactlyTheExpectedRulesWithMinimalCounterexamples()
    {
        var expected = ExpectationsFile.Load(Path.Combine(NativeTargets.Root, "expectations", "seed.json"));
        var results = RuleCatalogue.All.Select(rule => Runner.Check(seed!, rule, RunOptions.Default)).ToArray();

        var failed = results.Where(r => r.Outcome == RuleOutcome.Failed).ToArray();
        Assert.That(failed.Select(r => r.RuleId), Is.EquivalentTo(expected.Keys));
        Assert.That(results.Where(r => r.Outcome == RuleOutcome.CoverageGap), Is.Empty);
        Assert.Multiple(() =>
        {
            foreach (var result in failed)
            {
                var scenario = result.Counterexample!.Scenario;
                Assert.That(IsMinimal(result.RuleId, scenario), Is.True, $"not minimal:\n{FailureText.Format(result)}");
            }
        });
    }

    [Test]
    public void TheSeedIsU_BootsFileByteForByte() =>
        Assert.That(seed!.Description.Source, Does.StartWith($"arm-ffa-runtime.c created by {Path.Combine(NativeTargets.Seed, "000_19267216e2564efd.txt")}"));

    private static bool IsMinimal(string ruleId, Scenario scenario)
    {
        if (ruleId == "INV-REQ-SELF-ID")
        {
            // D7 is the only way the seed sends a wrong ID: a NULL context, then a runtime request, boot ID 1.
            return scenario == Scenario.Of(new BootState(1), new ExitBootServicesStep(false),
                new SendStep(Entry.Runtime, Minimal.Request(), Script.Of(Minimal.Response())));
        }

        return MutantCatalogue.All.First(m => m.Name == SameMinimumAs[ruleId] && m.RuleId == ruleId).IsMinimal(scenario);
    }
}
