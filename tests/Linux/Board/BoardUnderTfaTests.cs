using FfaConformance.Abi;
using FfaConformance.Adapters.Linux.Board;
using FfaConformance.Adapters.Qemu.Firmware;
using FfaConformance.Records;
using FfaConformance.Rules;
using FfaConformance.Runner.Expectations;
using FfaConformance.Scenarios;
using FfaConformance.Scenarios.Steps;
using FfaConformance.Scenarios.Targets;
using FfaConformance.Tests.Native;

namespace FfaConformance.Tests.Linux.Board;

/// <summary>
/// Observe mode over SSH meets a real SPMC: the stand-in board boots as TF-A's BL33 under the EL3 SPMC with OP-TEE as
/// partition 0x8001 (../shared/secure-world/tfa-el3-spmc), where nothing of the harness plays its firmware. Its partition
/// is OP-TEE's, a case's request is answered by OP-TEE as that folder's README measured (GET_API_VERSION: w3 = 1), and the
/// rules are judged on those answers: each passes, fails as the linux-tfa target's expectations say, or is not exercised.
/// </summary>
[TestFixture]
[Category("Linux")]
public sealed class BoardUnderTfaTests
{
    private static readonly string Folder = Path.GetFullPath(Path.Combine(NativeTargets.Root, "..", "shared", "secure-world", "tfa-el3-spmc"));

    [Test]
    public void ObserveModeIsJudgedOnWhatTheEl3SpmcAndOpTeeAnswered()
    {
        if (!Directory.Exists(Folder))
        {
            Prerequisite.Missing($"no real secure world at {Folder}");
        }

        using var board = StandInBoard.Boot(secureWorld: RealSecureWorld.Resolve(Folder, "tfa-el3-spmc", required: true));
        using var observe = BoardTargets.Create(board, BoardMode.Observe, "board-tfa");
        var options = BoardTargets.Options with { MaxTest = 30 };
        var results = RuleCatalogue.All.Select(rule => BoardTargets.Runner.Check(observe, rule, options)).ToArray();
        var one = BoardTargets.Runner.Evaluate(observe, RuleCatalogue.Get("INV-REQ-PAYLOAD-64"), ApiVersion(), options.CallBudget);
        TestContext.Out.WriteLine($"observe mode under the EL3 SPMC: {string.Join(", ", results.GroupBy(r => r.Outcome).Select(g => $"{g.Key} {g.Count()}"))}; {results.Sum(r => r.Cases)} cases");
        var expected = ExpectationsFile.Load([Path.Combine(NativeTargets.Root, "expectations", "linux.json"), Path.Combine(NativeTargets.Root, "expectations", "linux-tfa.json")]).Keys.ToHashSet();

        Assert.Multiple(() =>
        {
            Assert.That(board.Firmware, Is.Empty, "the harness played no firmware");
            Assert.That(observe.Description.Can(TargetCapabilities.ScriptableSecureWorld), Is.False);
            Assert.That(observe.Description.Partitions!.Partitions.Select(p => (p.Id, p.Uuid)), Is.EqualTo(new[] { ((ushort)0x8001, Guid.Parse("486178e0-e7f8-11e3-bc5e-0002a5d5c51b")) }));

            var call = one.Trace.Steps[^1].Calls.Single();
            Assert.That((call.Answer![0], call.Answer[1], call.Answer[3]), Is.EqualTo((0xC4000070UL, 0x80010000UL, 1UL)), "OP-TEE's DIRECT_RESP_64 to GET_API_VERSION");

            var payload = results.Single(r => r.RuleId == "INV-RESP-PAYLOAD");
            Assert.That((payload.Outcome, payload.Exercised > 0), Is.EqualTo((RuleOutcome.Passed, true)), payload.Message);
            Assert.That(results.Single(r => r.RuleId == "INV-INT-CHAIN-COMPLETES").Outcome, Is.EqualTo(RuleOutcome.NotExercised));
            foreach (var result in results.Where(r => r.Outcome is not (RuleOutcome.NotApplicable or RuleOutcome.NotExercised)))
            {
                Assert.That(result.Outcome, Is.EqualTo(expected.Contains(result.RuleId) ? RuleOutcome.Failed : RuleOutcome.Passed), $"{result.RuleId}: {result.Message}");
            }

            Assert.That(results.Single(r => r.RuleId == "INV-REQ2-GATED").Outcome, Is.EqualTo(RuleOutcome.Failed), "the driver sends REQ2 at v1.1 when the EL3 SPMC reports it");
        });
    }

    /// <summary>OP-TEE's GET_API_VERSION (w3 = 0) to its partition, as an SMC64 request.</summary>
    private static Scenario ApiVersion() => Scenario.Of(
        new BootState(0),
        new SendStep(Entry.Runtime, new DirectRequest(0x8001, DirectMessage.Zero, Convention.Smc64), Script.Of()));
}
