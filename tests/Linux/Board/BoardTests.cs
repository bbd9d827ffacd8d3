using FfaConformance.Abi;
using FfaConformance.Adapters.Linux.Board;
using FfaConformance.Records;
using FfaConformance.Rules;
using FfaConformance.Runner.Engine;
using FfaConformance.Scenarios.Targets;
using FfaConformance.Scenarios.Traces;

namespace FfaConformance.Tests.Linux.Board;

/// <summary>
/// The linux-board adapter against a QEMU guest standing in for a board, reached over SSH on the loopback address,
/// whose firmware the adapter cannot see. In answer mode the companion answers, in the kernel, the calls made inside
/// cases — the board's firmware sees none of them — and the driver gets the verdicts the linux target gives it; a call
/// from another task passes through to the firmware. In observe mode the firmware answers every case's calls, the
/// trace holds exactly what it answered, and only rules that hold for any answer apply.
/// </summary>
[TestFixture]
[Category("Linux")]
public sealed class BoardTests
{
    [Test]
    public void BothModesRunThePackagedDriverOverSsh()
    {
        using var board = StandInBoard.Boot();
        var known = BoardTargets.KnownFailures;

        IReadOnlyList<RuleResult> answered;
        IReadOnlyList<ConduitCall> firmwareDuringAnswer;
        BoardTarget answer;
        using (answer = BoardTargets.Create(board, BoardMode.Answer, "board-answer"))
        {
            var before = board.Firmware.Count;
            var clock = System.Diagnostics.Stopwatch.StartNew();
            answered = BoardTargets.CheckAll(answer);
            TestContext.Out.WriteLine($"answer mode: {answered.Sum(r => r.Cases)} cases of {answered.Count(r => r.Outcome != RuleOutcome.NotApplicable)} rules in {clock.Elapsed.TotalSeconds:0.0} s");
            firmwareDuringAnswer = [.. board.Firmware.Skip(before)];
        }

        IReadOnlyList<RuleResult> observed;
        IReadOnlyList<ConduitCall> firmwareDuringObserve;
        CaseRun one;
        BoardTarget observe;
        using (observe = BoardTargets.Create(board, BoardMode.Observe, "board-observe"))
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            observed = BoardTargets.CheckAll(observe);
            TestContext.Out.WriteLine($"observe mode: {observed.Sum(r => r.Cases)} cases of {observed.Count(r => r.Outcome != RuleOutcome.NotApplicable)} rules in {clock.Elapsed.TotalSeconds:0.0} s");
            var before = board.Firmware.Count;
            one = BoardTargets.Runner.Evaluate(observe, RuleCatalogue.Get("INV-REQ-PAYLOAD-64"), Scenario64(), BoardTargets.Options.CallBudget);
            firmwareDuringObserve = [.. board.Firmware.Skip(before)];
        }

        var sessions = Processes.ProcessTable.Running($"-p {board.Port} ");
        Assert.Multiple(() =>
        {
            Assert.That(board.Fault, Is.Null);
            Assert.That(sessions, Is.Empty, "an SSH session outlived its target");

            // The board's own partition is reached as it is; the managed secure world's are stand-ins.
            Assert.That(answer.Partitions.Where(p => !p.StandIn).Select(p => p.Id), Is.EqualTo(StandInBoard.Partitions.Ids));
            Assert.That(answer.Partitions.Where(p => p.StandIn).Select(p => p.Id), Is.EquivalentTo(Scenarios.PartitionTable.Default.Ids));
            Assert.That(answer.PassThrough, Is.EqualTo((0, StandInBoard.Partitions.First)), "FFA_PARTITION_INFO_GET from the agent's task, made while a case's call was held, went to the board's firmware");

            // Answer mode: the same verdicts as the linux target's expectations, and not one case's call reached the firmware.
            foreach (var result in answered)
            {
                var expected = result.Outcome == RuleOutcome.NotApplicable ? RuleOutcome.NotApplicable
                    : known.Contains(result.RuleId) ? RuleOutcome.Failed : RuleOutcome.Passed;
                Assert.That(result.Outcome, Is.EqualTo(expected), $"answer mode, {result.RuleId}: {result.Message}");
            }

            Assert.That(answered.Count(r => r.Outcome != RuleOutcome.NotApplicable), Is.GreaterThan(30));
            Assert.That(firmwareDuringAnswer.Select(c => FfaFunctions.Describe(c.Issued.W0)), Has.None.Contains("DIRECT_REQ"));

            // Observe mode: every rule that applies is judged on the board's answers, as on the linux target; a rule
            // whose answers the board never gave is not exercised, and says so.
            Assert.That(observe.Description.Capabilities.HasFlag(TargetCapabilities.ScriptableSecureWorld), Is.False);
            Assert.That(observe.Description.Partitions?.Ids, Is.EqualTo(StandInBoard.Partitions.Ids));
            foreach (var result in observed.Where(r => r.Outcome != RuleOutcome.NotApplicable))
            {
                var judged = known.Contains(result.RuleId) ? RuleOutcome.Failed : RuleOutcome.Passed;
                var readsAnswers = RuleCatalogue.Get(result.RuleId).Info.Applicability.ReadsAnswers;
                Assert.That(result.Outcome, readsAnswers ? Is.AnyOf(judged, RuleOutcome.NotExercised) : Is.EqualTo(judged), $"observe mode, {result.RuleId}: {result.Message}");
            }

            Assert.That(observed.Where(r => r.Outcome == RuleOutcome.Passed).Select(r => RuleCatalogue.Get(r.RuleId).Info.Applicability.ReadsAnswers), Does.Contain(true),
                "no rule that reads answers was judged on the board's");
            Assert.That(observed.Count(r => r.Outcome == RuleOutcome.Passed), Is.GreaterThanOrEqualTo(4));

            // What the case recorded is what the firmware answered, call for call.
            var calls = one.Trace.Steps.SelectMany(s => s.Calls).ToArray();
            Assert.That(calls.Select(c => (c.Issued, c.Answer)), Is.EqualTo(firmwareDuringObserve.Select(c => (c.Issued, c.Answer))));
            Assert.That(calls.Select(c => c.Answer!.W0), Is.All.EqualTo(FfaFunctions.DirectResponse.Id(Convention.Smc64).Value));
            Assert.That(calls[0].Answer![3], Is.EqualTo(Scenario64().Steps.OfType<Scenarios.Steps.SendStep>().Single().Request.Message!.Value.Data0 + StandInBoard.ResponseMark));
        });
    }

    /// <summary>One SMC64 request to the board's partition.</summary>
    private static Scenarios.Scenario Scenario64() => Scenarios.Scenario.Of(
        new Scenarios.BootState(0),
        new Scenarios.Steps.SendStep(Scenarios.Entry.Runtime, new Scenarios.DirectRequest(StandInBoard.Partitions.First, new DirectMessage(0x1111, 0x2222, 0x3333, 0x4444, 0x5555_0000_0000), Convention.Smc64), Scenarios.Script.Of()));
}
