using FfaConformance.Abi;
using FfaConformance.Rules;
using FfaConformance.Runner.Configuration;
using FfaConformance.Runner.Engine;
using FfaConformance.Scenarios;
using FfaConformance.SecureWorld;
using FfaConformance.Tests.Mutants;
using FfaConformance.Tests.Native;
using FfaConformance.Tests.Processes;

namespace FfaConformance.Tests.Linux;

/// <summary>
/// Mutants of Linux's driver.c, applied to a copy at build time: each is caught by the rule meant to catch it,
/// as what it is — a wrong value, an oops (with the kernel's own words), a hang — and the target goes on
/// (the guest booted again where it had to be); no QEMU outlives the target.
/// </summary>
[TestFixture]
[Category("Linux")]
public sealed class LinuxMutantTests
{
    private static readonly RuleRunner Runner = new(new ManagedSecureWorld(PartitionTable.Default, FfaVersion.V1_3));

    public static IEnumerable<TestCaseData> Mutants() =>
        CMutant.In(Path.Combine("Linux", "Mutants")).Select(m => new TestCaseData(m).SetName($"linux mutant {m.Name} is caught by {m.Rule} ({m.Outcome})"));

    [TestCaseSource(nameof(Mutants))]
    public void IsCaughtAndReportedAsSuch(CMutant mutant)
    {
        IReadOnlyList<int> machines;
        RuleResult result;
        CaseRun afterwards;
        using (var target = LinuxTargets.Create($"linux-{mutant.Name}", mutant.Apply, TimeSpan.FromMilliseconds(500)))
        {
            result = Runner.Check(target, RuleCatalogue.Get(mutant.Rule), SettingsLoader.DefaultOptions with { MaxTest = 100 });
            afterwards = Runner.Evaluate(target, RuleCatalogue.Get("INV-RESP-PAYLOAD"), Healthy, SettingsLoader.DefaultOptions.CallBudget);
            machines = target.MachineProcessIds;
        }

        Assert.Multiple(() =>
        {
            mutant.AssertCaught(result, afterwards);
            Assert.That(machines.Where(ProcessTable.Alive), Is.Empty, "a QEMU process was left behind");
        });
    }

    /// <summary>One request, answered at once by the matching response: what no mutant here changes.</summary>
    private static Scenario Healthy => Minimal.RuntimeSend(Minimal.Response());
}
