using FfaConformance.Abi;
using FfaConformance.Adapters.Contract;
using FfaConformance.Generators;
using FfaConformance.Rules;
using FfaConformance.Scenarios;
using FfaConformance.Scenarios.Steps;
using FfaConformance.Scenarios.Traces;
using FfaConformance.SecureWorld;
using FfaConformance.Tests.Native;
using FsCheck;
using FsCheck.Fluent;

namespace FfaConformance.Tests.Qemu;

/// <summary>
/// The same generated scenarios, replayed on the native and the QEMU target of one source, give the same
/// traces: the same calls, the same answers, the same results. Where they differ, the difference is the
/// finding (a crash is compared by its kind, since a signal and a data abort name it differently). Scenarios with
/// SetVirtualAddressMap are left out: only QEMU can play it.
/// </summary>
[TestFixture]
[Category("Qemu")]
public sealed class CrossTargetTests
{
    private static readonly ManagedSecureWorld World = new(PartitionTable.Default, FfaVersion.V1_3);

    public static IEnumerable<TestCaseData> Sources()
    {
        yield return new TestCaseData("reference", FfaVersion.V1_2).SetName("C reference: native and QEMU agree");
        yield return new TestCaseData("seed", FfaVersion.V1_0).SetName("seed: native and QEMU agree");
    }

    [OneTimeSetUp]
    public void Tools()
    {
        NativeTargets.RequireToolchain();
        QemuTargets.RequireQemu();
    }

    [TestCaseSource(nameof(Sources))]
    public void NativeAndQemuAgree(string which, FfaVersion version)
    {
        if (which == "seed")
        {
            NativeTargets.RequireSeed();
        }

        var source = which == "seed" ? NativeTargets.Seed : NativeTargets.Reference;
        using var native = NativeTargets.Create($"{which}-native", source, version);
        using var qemu = QemuTargets.Create($"{which}-qemu", source, version);
        var context = new GenerationContext(World.Partitions, version);
        // A native process has no addresses to remap: SetVirtualAddressMap is QEMU's alone.
        var scenarios = RuleCatalogue.All.SelectMany(rule => ScenarioGen.For(rule.Info.Profile, context).Sample(20, new Rnd(2026), 50))
            .Where(scenario => !scenario.Steps.Any(step => step is SetVirtualAddressMapStep))
            .ToArray();

        var differences = scenarios
            .Select(scenario => (Scenario: scenario, Native: Run(native, scenario), Qemu: Run(qemu, scenario)))
            .Where(run => !Comparable(run.Native).SequenceEqual(Comparable(run.Qemu)))
            .Select(run => $"{run.Scenario}\nnative:\n{run.Native}\nqemu:\n{run.Qemu}")
            .ToArray();

        Assert.That(differences, Is.Empty, $"{differences.Length} of {scenarios.Length} scenarios differ; the first:\n{differences.FirstOrDefault()}");
    }

    private static Trace Run(ITarget target, Scenario scenario) => ScenarioDriver.Run(target, World.Begin(scenario, 256));

    /// <summary>Calls and results; a stop by its reason only.</summary>
    private static IEnumerable<object> Comparable(Trace trace) => trace.Steps.SelectMany(step =>
        step.Calls.Select(c => (object)c).Append(step.Outcome is Stopped stopped ? stopped.Reason : step.Outcome));
}
