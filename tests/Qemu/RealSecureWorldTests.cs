using FfaConformance.Abi;
using FfaConformance.Adapters.Contract;
using FfaConformance.Adapters.Qemu.Firmware;
using FfaConformance.Generators;
using FfaConformance.Records;
using FfaConformance.Rules;
using FfaConformance.Rules.Model;
using FfaConformance.Runner.Configuration;
using FfaConformance.Runner.Engine;
using FfaConformance.Scenarios;
using FfaConformance.Scenarios.Steps;
using FfaConformance.Scenarios.Targets;
using FfaConformance.Scenarios.Traces;
using FfaConformance.SecureWorld;
using FfaConformance.Tests.Mutants;
using FfaConformance.Tests.Native;
using FsCheck;
using FsCheck.Fluent;

namespace FfaConformance.Tests.Qemu;

/// <summary>
/// Our firmware as BL33 under real TF-A (../shared/secure-world/tfa-el3-spmc: the EL3 SPMC with OP-TEE at S-EL1 as
/// partition 0x8001): the probe finds what that folder's README measured, and a case's calls reach OP-TEE and come back
/// recorded with its answers, whatever the case's script says. The expected values are those the README gives for
/// these builds (FF-A v1.2, endpoint 0, OP-TEE's UUID, GET_API_VERSION answered w3 = 1, an absent partition refused
/// with INVALID_PARAMETERS), not ones read from our code.
/// </summary>
[TestFixture]
[Category("Qemu")]
[NonParallelizable]
public sealed class RealSecureWorldTests
{
    private static readonly string Folder = Path.GetFullPath(Path.Combine(NativeTargets.Root, "..", "shared", "secure-world", "tfa-el3-spmc"));
    private static readonly ManagedSecureWorld World = new(PartitionTable.Default, FfaVersion.V1_3);
    private QemuTarget target = null!;

    [OneTimeSetUp]
    public void Boot()
    {
        QemuTargets.RequireQemu();
        if (!Directory.Exists(Folder))
        {
            Prerequisite.Missing($"no real secure world at {Folder}");
        }

        if (Adapters.Sources.Toolchain.OnPath("fiptool") is null)
        {
            Prerequisite.Missing("fiptool (Debian: arm-trusted-firmware-tools) puts our BL33 into TF-A's fip");
        }

        target = QemuTargets.UnderRealSecureWorld("tfa", NativeTargets.Reference, FfaVersion.V1_2, RealSecureWorld.Resolve(Folder, "Targets:tfa:SecureWorld", required: true));
    }

    [OneTimeTearDown]
    public void Stop() => target?.Dispose();

    [Test]
    public void TheProbeFindsWhatTheSecureWorldsReadmeMeasured()
    {
        var probe = target.Probe!;

        Assert.Multiple(() =>
        {
            Assert.That(probe.Version, Is.EqualTo(FfaVersion.V1_2));
            Assert.That(probe.EndpointId, Is.EqualTo(0));
            Assert.That(probe.Partitions.Partitions.Select(p => (p.Id, p.Uuid)), Is.EqualTo(new[] { ((ushort)0x8001, Guid.Parse("486178e0-e7f8-11e3-bc5e-0002a5d5c51b")) }));
            Assert.That(probe.Calls.Select(c => (uint)c.Call.Issued[0]), Is.EqualTo(new uint[]
            {
                0x84000063, 0x84000069, 0xC4000066, 0x84000068, 0x84000065, 0x84000067,
                0x8400006F, 0x8400006F, 0x8400006F, 0x8400006F, 0xC400006F, 0x8400006F, 0xC400008D, 0xC400008D,
            }));

            // The survey, as the README measured it: OP-TEE's GET_API_VERSION answered w3 = 1 with the IDs swapped, an
            // absent partition refused with INVALID_PARAMETERS sign-extended into x2.
            var survey = probe.Calls.Skip(6).Select(c => c.Call.Answer!).ToArray();
            Assert.That((survey[0][0], survey[0][1], survey[0][3]), Is.EqualTo((0x84000070UL, 0x80010000UL, 1UL)));
            Assert.That(survey[4][0], Is.EqualTo(0xC4000070UL), "DIRECT_REQ_64 is answered DIRECT_RESP_64");
            Assert.That((survey[5][0], survey[5][2]), Is.EqualTo((0x84000060UL, unchecked((ulong)-2L))));
            Assert.That(target.Description.FixedEndpointId, Is.EqualTo((ushort)0));
            Assert.That(target.Description.Can(TargetCapabilities.ScriptableSecureWorld), Is.False);
        });
    }

    [Test]
    public void ARequestToOpTeeIsAnsweredByOpTeeNotByTheScript()
    {
        // data0 = 0 is OP-TEE's OPTEE_FFA_GET_API_VERSION; the script's answer (a plain response) is never used.
        var trace = Run(new DirectRequest(0x8001, DirectMessage.Zero, Convention.Smc32));
        var call = trace.Steps[^1].Calls.Single();

        Assert.Multiple(() =>
        {
            Assert.That((call.Issued[0], call.Issued[1]), Is.EqualTo((0x8400006FUL, 0x8001UL)));
            Assert.That((call.Answer![0], call.Answer[1], call.Answer[3]), Is.EqualTo((0x84000070UL, 0x80010000UL, 1UL)));
            Assert.That(trace.Steps[^1].Outcome, Is.EqualTo(new Returned(0, DirectMessage.Zero with { Data0 = 1 })));
        });
    }

    [Test]
    public void ARequestToAnAbsentPartitionIsRefusedByTheSpmc()
    {
        var trace = Run(new DirectRequest(0x8002, DirectMessage.Zero, Convention.Smc32));
        var answer = trace.Steps[^1].Calls.Single().Answer!;

        Assert.That((answer[0], answer[2]), Is.EqualTo((0x84000060UL, unchecked((ulong)-2L))), "FFA_ERROR(INVALID_PARAMETERS), x2 sign-extended as the README measured");
    }

    [Test]
    public void ARuleThatReadsAnswersIsJudgedOnOpTeesAndOneWhoseAnswersItNeverGivesIsNotExercised()
    {
        var runner = new RuleRunner(World);

        var payload = runner.Check(target, RuleCatalogue.Get("INV-RESP-PAYLOAD"), SettingsLoader.DefaultOptions);
        var chain = runner.Check(target, RuleCatalogue.Get("INV-INT-CHAIN-COMPLETES"), SettingsLoader.DefaultOptions);
        var gated = runner.Check(target, RuleCatalogue.Get("INV-REQ2-GATED"), SettingsLoader.DefaultOptions);

        Assert.Multiple(() =>
        {
            // OP-TEE answers a request to 0x8001 with DIRECT_RESP of the request's width: the payload rule is judged on those.
            Assert.That((payload.Outcome, payload.Exercised), Is.EqualTo((RuleOutcome.Passed, payload.Cases)), payload.Message);
            Assert.That(payload.Classes.Keys, Is.SupersetOf(new[] { "DIRECT_RESP_32", "DIRECT_RESP_64" }));
            Assert.That(payload.Answered.Keys, Is.EquivalentTo(new[] { "DIRECT_RESP_32", "DIRECT_RESP_64" }));

            // Neither SPMC interrupts a request: a chain of interrupts is never answered, so that rule is not exercised, and says what was.
            Assert.That(chain.Outcome, Is.EqualTo(RuleOutcome.NotExercised), chain.Message);
            Assert.That(chain.Message, Does.StartWith("not exercised by this secure world: ").And.Contain("it answered DIRECT_RESP_"));
            Assert.That(gated.Outcome, Is.EqualTo(RuleOutcome.NotApplicable), gated.Message);
        });
    }

    [Test]
    public void EveryAnswerTheRealSecureWorldGaveIsOneTheGeneratorsWrite()
    {
        var context = new RuleRunner(World).Context(target.Description);
        var scenarios = RuleCatalogue.All
            .Where(rule => rule.Info.Applicability.WhyNot(target.Description with { Capabilities = target.Description.Capabilities | TargetCapabilities.ScriptableSecureWorld }) is null)
            .SelectMany(rule => ScenarioGen.For(rule.Info.Profile, context).Sample(10, new Rnd(2026), 30))
            .ToArray();
        var read = new List<string>();
        var unread = new List<string>();
        foreach (var scenario in scenarios)
        {
            var trace = ScenarioDriver.Run(target, World.Begin(scenario, 256));
            var answered = AnsweredScenario.Of(scenario, trace, out var call);
            if (answered is null)
            {
                unread.Add($"{FfaFunctions.Describe((uint)call!.Issued[0])} {call.Issued} was answered {call.Answer}");
            }
            else
            {
                read.AddRange(AnsweredScenario.Labels(answered, trace));
            }
        }

        TestContext.Out.WriteLine($"{scenarios.Length} scenarios, {read.Count + unread.Count} answers: " +
            string.Join(", ", read.GroupBy(a => a).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} × {g.Count()}")));
        Assert.That(unread, Is.Empty, $"{unread.Count} real answers lie outside the generators; the first: {unread.FirstOrDefault()}");
        Assert.That(read, Is.Not.Empty);
    }

    [Test]
    public void AfterAHangTheMachineRestartsUnderTheSameSecureWorldWhichAnswersItsProbeAsBefore()
    {
        using var hangs = QemuTargets.UnderRealSecureWorld("tfa-hangs", RunModel.Runs.Hostile("hangs.c"), FfaVersion.V1_2,
            RealSecureWorld.Resolve(Folder, "Targets:tfa-hangs:SecureWorld", required: true), TimeSpan.FromMilliseconds(500));
        // Before ExitBootServices, so that the loop runs where it lies instead of faulting as boot-time code called at runtime.
        var scenario = Scenario.Of(new BootState(0), new SendStep(Entry.Runtime, new DirectRequest(0x8001, DirectMessage.Zero, Convention.Smc32), Script.Of(Minimal.Response())));

        var first = ScenarioDriver.Run(hangs, World.Begin(scenario, 256));
        var second = ScenarioDriver.Run(hangs, World.Begin(scenario, 256));

        Assert.Multiple(() =>
        {
            Assert.That(new[] { first, second }.Select(t => (t.Steps[^1].Outcome as Stopped)?.Reason), Is.EqualTo(new StopReason?[] { StopReason.Hung, StopReason.Hung }));

            // The real secure world's own logs come with the hung case: TF-A's on UART0, OP-TEE's on UART1.
            Assert.That(((Stopped)first.Steps[^1].Outcome).Detail, Does.Contain("; UART0 ended with: ").And.Contain("; UART1 ended with: "));
            Assert.That(hangs.MachineProcessIds, Has.Count.EqualTo(2), "one QEMU per case: the hang dropped the first");
            Assert.That(hangs.Probe!.Summary, Does.Contain("endpoint 0x0000"));
        });
    }

    [Test]
    public void AFolderWithoutBl31IsOneErrorNamingTheKeyAndTheFile()
    {
        var folder = Directory.CreateTempSubdirectory("ffa-sw-").FullName;
        try
        {
            File.WriteAllBytes(Path.Combine(folder, "qemu_fw.bios"), [0]);

            var error = Assert.Throws<TargetUnavailableException>(() => RealSecureWorld.Resolve(folder, "Targets:tfa:SecureWorld", required: true))!;
            var absent = Assert.Throws<TargetUnavailableException>(() => RealSecureWorld.Resolve(Path.Combine(folder, "gone"), "Targets:tfa:SecureWorld", required: false))!;

            Assert.Multiple(() =>
            {
                Assert.That((error.Skip, error.Message), Is.EqualTo((false, $"Targets:tfa:SecureWorld = '{folder}' has no bl31.elf; {RealSecureWorld.Accepted}")));
                Assert.That((absent.Skip, absent.Message), Is.EqualTo((true, $"Targets:tfa:SecureWorld = '{Path.Combine(folder, "gone")}' is not present (the target is not required, so it is skipped)")));
            });
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private Trace Run(DirectRequest request) =>
        ScenarioDriver.Run(target, World.Begin(Scenario.Of(new BootState(0), Minimal.Exit, new SendStep(Entry.Runtime, request, Script.Of(Minimal.Response()))), 256));
}
