using FfaConformance.Abi;
using FfaConformance.Scenarios;
using FfaConformance.Scenarios.Steps;
using FfaConformance.Scenarios.Traces;
using FfaConformance.SecureWorld;
using FfaConformance.Tests.Mutants;

namespace FfaConformance.Tests.Generators;

/// <summary>The managed secure world answers from the script and stops what goes beyond it.</summary>
[TestFixture]
[Category("Fast")]
public sealed class SecureWorldTests
{
    private static readonly ManagedSecureWorld World = new(PartitionTable.Default, FfaVersion.V1_3);
    private static readonly RegisterSet Request = RegisterSet.Of(0x8400006F, 0x8001);

    [Test]
    public void AnswersBootAbisFromTheBootState()
    {
        var session = World.Begin(Scenario.Of(new BootState(0x1234)), 16);

        var id = session.Call(ConduitKind.Smc, RegisterSet.Of(0x84000069)).Answer!;
        var version = session.Call(ConduitKind.Smc, RegisterSet.Of(0x84000063, FfaVersion.V1_0.Encoded)).Answer!;
        var unknown = session.Call(ConduitKind.Smc, RegisterSet.Of(0x8400006E)).Answer!;

        Assert.Multiple(() =>
        {
            Assert.That((id.W0, id.W2), Is.EqualTo((0x84000061u, 0x1234u)));
            Assert.That(version.W0, Is.EqualTo(FfaVersion.V1_3.Encoded));
            Assert.That((unknown.W0, (int)unknown.W2), Is.EqualTo((0x84000060u, -1)));
        });
    }

    [Test]
    public void StopsACallPastTheScript()
    {
        var scenario = Minimal.RuntimeSend(Minimal.Response());
        var session = World.Begin(scenario, 16);
        session.BeginStep(1);

        var first = session.Call(ConduitKind.Smc, Request);
        var second = session.Call(ConduitKind.Smc, Request);
        session.EndStep(second.Stop!);

        Assert.Multiple(() =>
        {
            Assert.That(first.Answer!.W0, Is.EqualTo(0x84000070u));
            Assert.That(second.Stop!.Reason, Is.EqualTo(StopReason.ScriptExhausted));
            Assert.That(session.Finish().Steps[1].Calls, Has.Length.EqualTo(2));
        });
    }

    [Test]
    public void StopsATargetThatOutrunsTheBudget()
    {
        var scenario = Scenario.Of(new BootState(0), new SendStep(Entry.Runtime, Minimal.Request(), new Script([], Minimal.Interrupt)));
        var session = World.Begin(scenario, 16);
        session.BeginStep(0);

        var replies = Enumerable.Range(0, 17).Select(_ => session.Call(ConduitKind.Smc, Request)).ToArray();

        Assert.Multiple(() =>
        {
            Assert.That(replies.Take(16).All(r => r.Answer?.W0 == 0x84000062u), Is.True);
            Assert.That(replies[16].Stop!.Reason, Is.EqualTo(StopReason.CallBudgetExhausted));
        });
    }
}
