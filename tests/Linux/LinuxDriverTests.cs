using FfaConformance.Abi;
using FfaConformance.Rules;
using FfaConformance.Runner.Engine;
using FfaConformance.Runner.Expectations;
using FfaConformance.Runner.Run;
using FfaConformance.Tests.Native;
using FfaConformance.Tests.Processes;

namespace FfaConformance.Tests.Linux;

/// <summary>
/// Linux's own arm_ffa driver, built unmodified from the running kernel's linux-source: its probe is answered by
/// the managed secure world, and its run is green against expectations/linux.json — failing exactly the rules
/// listed there, each with the failure listed — through the one conformance run.
/// </summary>
[TestFixture]
[Category("Linux")]
[NonParallelizable]
public sealed class LinuxDriverTests
{
    [Test]
    public void TheDriversProbeIsAnsweredByTheSecureWorld()
    {
        using var target = LinuxTargets.Create("linux-probe");

        var issued = target.Probe.Select(c => FfaFunctions.Describe(c.Issued.W0)).ToArray();

        Assert.Multiple(() =>
        {
            Assert.That(issued[0], Is.EqualTo("FFA_VERSION_32"));
            Assert.That(issued, Does.Contain("FFA_ID_GET_32").And.Contain("FFA_RXTX_MAP_64").And.Contain("FFA_PARTITION_INFO_GET_32").And.Contain("FFA_RX_RELEASE_32"));
            Assert.That(target.Probe.Select(c => c.Answer), Has.None.Null);
            Assert.That(target.Description.Version, Is.EqualTo(FfaVersion.V1_1), "the driver of 6.12 asks for v1.1 and the secure world implements v1.3");
        });
    }

    [Test]
    public void TheShippedDriverFailsExactlyItsExpectations()
    {
        var expectations = ExpectationsFile.Load(Path.Combine(NativeTargets.Root, "expectations", "linux.json"));
        Adapters.Linux.LinuxTarget? built = null;
        using (var run = new ConformanceRun(new RunPlan(
            [new RunTarget("linux", "linux", FfaVersion.V1_1, () => built = LinuxTargets.Create("linux"), expectations)],
            RunOptions.Default with { MaxTest = 100 },
            FfaVersion.V1_3)))
        {
            var results = run.CheckAll();

            Assert.That(results.Where(r => r.IsRed).Select(r => $"{r.Rule}: {r.Explanation}"), Is.Empty);
            Assert.That(results.Where(r => r.Verdict == Verdict.ExpectedFailure).Select(r => r.Rule), Is.EquivalentTo(expectations.Keys));
            Assert.That(results.Count(r => r.Outcome == RuleOutcome.Passed), Is.GreaterThan(RuleCatalogue.All.Count / 2));
        }

        Assert.That(built!.MachineProcessIds.Where(ProcessTable.Alive), Is.Empty, "a QEMU outlived the run");
    }
}
