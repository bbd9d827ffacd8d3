using FfaConformance.Abi;
using FfaConformance.Records;
using FfaConformance.Runner.Configuration;
using FfaConformance.Runner.Run;
using FfaConformance.Tests.RunModel;

namespace FfaConformance.Tests.Linux;

/// <summary>
/// Linux's own arm_ffa driver, built unmodified from the running kernel's linux-source: its probe is answered by
/// the managed secure world, and a kernel tree a user names is run through configuration, green against
/// expectations/linux.json — failing exactly the rules listed there, each with the failure listed.
/// </summary>
[TestFixture]
[Category("Linux")]
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

    /// <summary>
    /// The user's path: a kernel tree named as Source, through configuration and the one conformance run, with the
    /// driver's expectations. The tree holds the packaged driver, so a rule it fails is an expected failure with
    /// a counterexample that shows the driver's real probe, a rule it keeps passes, and one it cannot be asked is
    /// skipped. Every rule on the packaged driver, against expectations/linux.json, is the suite's linux target.
    /// </summary>
    [Test]
    public void AKernelTreeNamedAsSourceIsCheckedWithItsExpectations()
    {
        var tree = LinuxTargets.UserTree();
        try
        {
            using var run = new ConformanceRun(SuitePlan.From(Runs.Settings(
                ("FFA_Targets__mine__Adapter", "linux"), ("FFA_Targets__mine__Source", tree),
                ("FFA_Targets__mine__Expectations", "expectations/linux.json"), ("FFA_Targets__mine__MaxTest", "100"), ("FFA_Run__Targets", "mine"))));
            var errno = run.Check("mine", "INV-ERRNO-TOTAL");
            var payload = run.Check("mine", "INV-RESP-PAYLOAD");
            var nullMessage = run.Check("mine", "INV-REQ-NULL-MSG");

            Assert.Multiple(() =>
            {
                Assert.That(run.Record().Targets.Single().Source, Is.EqualTo($"kernel tree {tree}"));
                Assert.That(errno.Verdict, Is.EqualTo(Verdict.ExpectedFailure), errno.Explanation);
                Assert.That(errno.Evidence?.Minimal.Finding?.Text, Does.Contain("FFA_ERROR 0 is mapped wrongly"));
                // The counterexample shows the probe the driver really made, through its hvc, not a discovery made up for it.
                Assert.That(errno.Evidence?.Minimal.Boot.Select(c => (c.Conduit, c.Issued)).First(), Is.EqualTo(("HVC", "FFA_VERSION_32")));
                Assert.That(errno.Evidence?.Minimal.Boot.Select(c => c.Conduit), Has.All.EqualTo("HVC"));
                Assert.That(payload.Outcome, Is.EqualTo(RuleOutcome.Passed), payload.Explanation);
                Assert.That(nullMessage.Outcome, Is.EqualTo(RuleOutcome.NotApplicable), nullMessage.Explanation);
            });
        }
        finally
        {
            Directory.Delete(tree, recursive: true);
        }
    }

    /// <summary>A Source that is neither a kernel tree nor the driver's folder fails every rule with one line naming the key.</summary>
    [Test]
    public void AFolderWithoutTheDriverIsOneErrorNamingTheKey()
    {
        var empty = Directory.CreateTempSubdirectory("ffa-not-a-tree-").FullName;
        try
        {
            LinuxTargets.Kernel();
            var record = Runs.Everything(Runs.Settings(
                ("FFA_Targets__mine__Adapter", "linux"), ("FFA_Targets__mine__Source", empty), ("FFA_Run__Targets", "mine")));

            Assert.Multiple(() =>
            {
                Assert.That(record.Results, Has.All.Matches<ResultRecord>(r => r.IsRed));
                Assert.That(record.Targets.Single().Unavailable,
                    Does.StartWith($"Targets:mine:Source = '{empty}': {empty} lacks bus.c, driver.c, smccc.c, common.h; accepted: a kernel tree or a drivers/firmware/arm_ffa folder"));
            });
        }
        finally
        {
            Directory.Delete(empty, recursive: true);
        }
    }
}
