using FfaConformance.Abi;
using FfaConformance.Adapters.Contract;
using FfaConformance.Adapters.Linux;
using FfaConformance.Adapters.Linux.Board;
using FfaConformance.Records;
using FfaConformance.Rules;
using FfaConformance.Runner.Configuration;
using FfaConformance.Runner.Engine;
using FfaConformance.Scenarios;
using FfaConformance.Scenarios.Traces;
using FfaConformance.Tests.Mutants;
using FfaConformance.Tests.Native;

namespace FfaConformance.Tests.Linux.Board;

/// <summary>
/// What goes wrong on a board is a failing case, and the run goes on: a mutant driver is caught in both modes by the
/// rule meant to catch it (generated cases in observe mode, a case made for it in answer mode), an oops in a case fails it with the kernel's words and every later case says why it cannot
/// run, and a board that loses power mid-rule fails the case it was in and the rule ends.
/// </summary>
[TestFixture]
[Category("Linux")]
public sealed class BoardFailureTests
{
    private static CMutant Mutant(string name) => CMutant.Parse(Path.Combine(TestContext.CurrentContext.TestDirectory, "Linux", "Mutants", $"{name}.mutant"));

    [Test]
    public void AMutantIsCaughtInBothModesAndAnOopsEndsTheCasesAfterIt()
    {
        var drops = Mutant("drops-last-payload-word");
        var oopses = Mutant("oopses-on-busy");
        using var board = StandInBoard.Boot(source => oopses.Apply(drops.Apply(source)));
        var rule = RuleCatalogue.Get(drops.Rule);

        // The board's firmware never answers BUSY, so generated cases can only find the dropped word. In answer mode
        // the rule's generator answers BUSY now and then, and an oops there would fail the rule first: the dropped
        // word is checked on a case made for it, and the oops is left to the rule that looks for it.
        var payload = new DirectMessage(0x1111, 0x2222, 0x3333, 0x4444, 0x5555_0000_0000);
        RuleResult observed, oops;
        CaseRun answered, afterwards;
        using (var target = BoardTargets.Create(board, BoardMode.Observe, "board-mutant-observe"))
        {
            observed = BoardTargets.Runner.Check(target, rule, BoardTargets.Options);
        }

        using (var target = BoardTargets.Create(board, BoardMode.Answer, "board-mutant-answer"))
        {
            answered = BoardTargets.Runner.Evaluate(target, rule, Minimal.RuntimeSend(Minimal.Request(Convention.Smc64, payload), Minimal.Response(Convention.Smc64)), BoardTargets.Options.CallBudget);
            oops = BoardTargets.Runner.Check(target, RuleCatalogue.Get(oopses.Rule), BoardTargets.Options);
            afterwards = BoardTargets.Runner.Evaluate(target, RuleCatalogue.Get("INV-RESP-PAYLOAD"), Minimal.RuntimeSend(Minimal.Response()), BoardTargets.Options.CallBudget);
        }

        TestContext.Out.WriteLine(Support.Messages.Of(oops));
        TestContext.Out.WriteLine(afterwards.Verdict.Finding?.Text);
        Assert.Multiple(() =>
        {
            Assert.That(drops.EndsAsExpected(observed), Is.True, $"observe mode: {observed.Message}");
            Assert.That((answered.Verdict.Kind, answered.Verdict.Finding?.Field), Is.EqualTo((FailureKind.Finding, FindingField.X(7))), $"answer mode: {answered.Verdict.Finding}");
            Assert.That(oopses.EndsAsExpected(oops), Is.True, oops.Message);
            Assert.That(oops.Counterexample?.Failing.Verdict.Finding?.Text, Does.Contain("the board's kernel reported: Oops"));
            Assert.That(afterwards.Verdict.Kind, Is.EqualTo(FailureKind.Crash));
            Assert.That(afterwards.Verdict.Finding?.Text, Does.Contain("oopsed in an earlier case"));
        });
    }

    [Test]
    public void ABoardThatLosesPowerMidRuleFailsTheCaseItWasIn()
    {
        using var board = StandInBoard.Boot();
        RuleResult result;
        using (var target = BoardTargets.Create(board, BoardMode.Answer, "board-power"))
        {
            var check = Task.Run(() => BoardTargets.Runner.Check(target, RuleCatalogue.Get("INV-RESP-PAYLOAD"), SettingsLoader.DefaultOptions with { MaxTest = 100_000 }));
            Thread.Sleep(TimeSpan.FromSeconds(3));
            board.PowerOff();
            result = check.GetAwaiter().GetResult();
        }

        TestContext.Out.WriteLine(Support.Messages.Of(result));

        Assert.Multiple(() =>
        {
            Assert.That(result.Outcome, Is.EqualTo(RuleOutcome.Failed), result.Message);
            Assert.That(result.Counterexample?.Failing.Verdict.Kind, Is.EqualTo(FailureKind.Crash));
            Assert.That(result.Cases, Is.LessThan(100_000), "the rule went on as if the board were there");
            Assert.That(Support.Messages.Of(result), Does.Contain("the board"));
        });
    }

    [Test]
    public void ABoardThatResetsMidRuleFailsTheCaseItWasInAndTheTargetGoesOnWhenItIsBack()
    {
        using var board = StandInBoard.Boot();
        RuleResult during, after;
        int reconnects;
        using (var target = BoardTargets.Create(board, BoardMode.Answer, "board-reset"))
        {
            var rule = RuleCatalogue.Get("INV-RESP-PAYLOAD");
            var check = Task.Run(() => BoardTargets.Runner.Check(target, rule, SettingsLoader.DefaultOptions with { MaxTest = 100_000 }));
            Thread.Sleep(TimeSpan.FromSeconds(3));
            board.Reset();
            during = check.GetAwaiter().GetResult();
            after = BoardTargets.Runner.Check(target, rule, BoardTargets.Options);
            reconnects = target.Reconnects;
        }

        TestContext.Out.WriteLine(Support.Messages.Of(during));
        Assert.Multiple(() =>
        {
            Assert.That(during.Outcome, Is.EqualTo(RuleOutcome.Failed), during.Message);

            // The link drops (a crash) or falls silent (a hang), as the board goes: either is the lost case's failure.
            Assert.That(during.Counterexample?.Failing.Verdict.Kind, Is.EqualTo(FailureKind.Crash).Or.EqualTo(FailureKind.Hang), Support.Messages.Of(during));
            Assert.That(during.Cases, Is.LessThan(100_000), "the rule went on as if the board had not reset");
            Assert.That(after.Outcome, Is.EqualTo(RuleOutcome.Passed), $"after the reset: {Support.Messages.Of(after)}");
            Assert.That(reconnects, Is.Positive);
        });
    }

    [Test]
    public void ABoardThatCannotBeReachedIsOneErrorNamingTheKeys()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var closed = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        var buildRoot = Path.Combine(NativeTargets.Root, "artifacts", "build");
        var kernel = LinuxTargets.Kernel();
        var symbols = Path.Combine(LinuxModules.Build(kernel, DriverSource.Packaged(kernel), PartitionTable.Default, buildRoot).Driver, "Module.symvers");
        BoardOptions Options(string? driverSymbols) => new("root@127.0.0.1", closed, null, null, BoardMode.Answer, null, driverSymbols, buildRoot, BoardOptions.DefaultHangTimeout);

        var unbuilt = Assert.Throws<TargetUnavailableException>(() => BoardTarget.Create("nowhere", FfaConformance.Abi.FfaVersion.V1_3, Options(null)));
        var error = Assert.Throws<TargetUnavailableException>(() => BoardTarget.Create("nowhere", FfaConformance.Abi.FfaVersion.V1_3, Options(symbols)));

        Assert.Multiple(() =>
        {
            Assert.That(unbuilt!.Message, Does.Contain("\"ffa_driver_register\" [").And.Contain("undefined!"));
            Assert.That(unbuilt.Message, Does.EndWith("name the board driver's own Module.symvers in Targets:nowhere:DriverSymbols, or its kernel's build tree in Targets:nowhere:KernelBuild)"));
            Assert.That(error!.Skip, Is.False);
            Assert.That(error.Message, Does.StartWith($"linux-board target nowhere: ssh to root@127.0.0.1:{closed} failed (Targets:nowhere:Host, Port, IdentityFile and KnownHosts say how it is reached)"));
            Assert.That(error.Message, Does.Contain("Connection refused"));
        });
    }
}
