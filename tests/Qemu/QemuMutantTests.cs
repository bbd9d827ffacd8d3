using FfaConformance.Abi;
using FfaConformance.Adapters.Qemu.Elf;
using FfaConformance.Adapters.Qemu.Firmware;
using FfaConformance.Adapters.Qemu.Machine;
using FfaConformance.Rules;
using FfaConformance.Runner.Configuration;
using FfaConformance.Runner.Engine;
using FfaConformance.Scenarios;
using FfaConformance.SecureWorld;
using FfaConformance.Tests.Mutants;
using FfaConformance.Tests.Native;
using FfaConformance.Tests.Processes;

namespace FfaConformance.Tests.Qemu;

/// <summary>
/// C mutants on real code, in our firmware and in a user-style ELF: residency violations (boot-time data, a
/// compiler-made table in .rodata, a non-runtime helper), a spin, a fault and an SMC the harness cannot see are
/// each reported as such; the target goes on to pass another rule, and no QEMU is left behind.
/// </summary>
[TestFixture]
[Category("Qemu")]
public sealed class QemuMutantTests
{
    private static readonly RuleRunner Runner = new(new ManagedSecureWorld(PartitionTable.Default, FfaVersion.V1_3));

    public static IEnumerable<TestCaseData> Mutants() =>
        from adapter in new[] { QemuTarget.AdapterName, QemuElfTarget.AdapterName }
        from m in CMutant.All
        where m.Adapters.Contains(adapter)
        select new TestCaseData(m, adapter).SetName($"{adapter} mutant {m.Name} is caught by {m.Rule} ({m.Outcome})");

    [OneTimeSetUp]
    public void Tools() => QemuTargets.RequireQemu();

    [TestCaseSource(nameof(Mutants))]
    public void IsCaughtAndReportedAsSuch(CMutant mutant, string adapter)
    {
        var source = mutant.Apply(File.ReadAllText(NativeTargets.Reference));
        IReadOnlyList<int> machines;
        RuleResult result;
        CaseRun afterwards;
        var hang = TimeSpan.FromMilliseconds(500);
        using (IQemuTarget target = adapter == QemuTarget.AdapterName
            ? QemuTargets.FromText($"qemu-{mutant.Name}", source, mutant.Version, hang)
            : QemuTargets.ElfFromText($"qemu-elf-{mutant.Name}", source, mutant.Version, QemuTargets.ReferenceNotify, hang))
        {
            result = Runner.Check(target, RuleCatalogue.Get(mutant.Rule), SettingsLoader.DefaultOptions);
            // A case the deviation does not touch: the same target runs it normally after the failure (QEMU restarted where it had to be).
            afterwards = Runner.Evaluate(target, RuleCatalogue.Get("INV-RESP-PAYLOAD"), Minimal.Healthy, SettingsLoader.DefaultOptions.CallBudget);
            machines = target.MachineProcessIds;
        }

        Assert.Multiple(() =>
        {
            mutant.AssertCaught(result, afterwards);
            Assert.That(machines.Where(ProcessTable.Alive), Is.Empty, "a QEMU process was left behind");
        });
    }
}
