using FfaConformance.Abi;
using FfaConformance.Adapters.Emulator;
using FfaConformance.Records;
using FfaConformance.Scenarios.Targets;
using FfaConformance.Scenarios.Traces;
using FfaConformance.Tests.Native;

namespace FfaConformance.Tests.RunModel;

/// <summary>
/// Item 9 of the run-model issue: a transport that scribbles on the page it shares with the harness is a
/// failing case in every artifact, not an exception that loses the rule's result; a failure that does not
/// reproduce on the shrunk case keeps the first failing case and its trace.
/// </summary>
[TestFixture]
public sealed class EvidenceTests
{
    [Test]
    [Category("Native")]
    public void AScribbleOnTheSharedPageIsACrashInTheRecord()
    {
        NativeTargets.RequireToolchain();
        var directory = Directory.CreateTempSubdirectory("ffa-scribble-").FullName;

        var run = Runs.Everything(Runs.Settings(("FFA_Targets__scribbles__Adapter", "native"), ("FFA_Targets__scribbles__Source", Runs.Hostile("scribbles.c")), ("FFA_Run__Targets", "scribbles")));
        RunRecordFile.Write(run, Path.Combine(directory, "run.json"));
        var read = RunRecordFile.Read(Path.Combine(directory, "run.json"));

        Assert.That(read.Results, Has.Count.EqualTo(run.Results.Count));
        Runs.AssertEveryApplicableRuleFailsWith(read, FailureKind.Crash, "the transport wrote over the page it shares with the harness");
    }

    [Test]
    [Category("Fast")]
    public void AFailureThatDoesNotReproduceKeepsTheFirstFailingCase()
    {
        var sends = 0;
        var flaky = Runs.One("flaky", () => new EmulatorTarget(
            new TargetDescription("flaky", EmulatorTarget.AdapterName, FfaVersion.V1_2, TargetCapabilities.All, new Provenance("fails its first send only")),
            (conduit, version) => new FailsFirstSend(conduit, version, () => ++sends == 1)), "INV-CONDUIT-SMC");

        Assert.Multiple(() =>
        {
            Assert.That(flaky.Outcome, Is.EqualTo(RuleOutcome.Failed));
            Assert.That(flaky.Evidence!.Reproduced, Is.False);
            Assert.That(flaky.Evidence.Original.Finding, Is.Not.Null);
            Assert.That(flaky.Evidence.Original.Steps.SelectMany(s => s.Calls).Select(c => c.Conduit), Does.Contain("HVC"));
            Assert.That(flaky.Evidence.Minimal.Finding, Is.Null);
            Assert.That(flaky.Explanation, Does.Contain("in the first failing case; the shrunk case passed when run again, so the failure is flaky"));
        });
    }

    /// <summary>Issues its very first request of the run through HVC instead of SMC, and behaves from then on.</summary>
    private sealed class FailsFirstSend(IConduit conduit, FfaVersion version, Func<bool> first) : ReferenceTransport(conduit, version)
    {
        protected override RegisterSet Call(RegisterSet arguments) =>
            FfaFunctions.DirectRequest.Matches(arguments.W0) && first() ? Conduit.Call(ConduitKind.Hvc, arguments) : base.Call(arguments);
    }
}
