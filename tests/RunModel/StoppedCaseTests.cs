using FfaConformance.Adapters.Sources;
using FfaConformance.Records;
using FfaConformance.Runner.Engine;
using FfaConformance.Scenarios.Traces;
using FfaConformance.Tests.Native;
using FfaConformance.Tests.Support;

namespace FfaConformance.Tests.RunModel;

/// <summary>
/// Items 2, 3 and 8 of the run-model issue: a case in which the target crashed or hung is never a passing case
/// of any rule, nor a coverage gap; an expectation absorbs only the failure it names; a target that hangs in
/// every case fails every rule at its first case, with the hang as the counterexample, after a bounded number
/// of timeouts. Real C transports (tests/Hostile) under the native adapter, configured as a user would.
/// </summary>
[TestFixture]
[Category("Native")]
public sealed class StoppedCaseTests
{
    [OneTimeSetUp]
    public void Toolchain() => NativeTargets.RequireToolchain();

    [Test]
    public void ATransportThatCrashesOnEverySendFailsEveryRuleWithTheCrash()
    {
        var run = Runs.Everything(Runs.Settings(("FFA_Targets__crashes__Adapter", "native"), ("FFA_Targets__crashes__Source", Runs.Hostile("crashes.c")), ("FFA_Run__Targets", "crashes")));

        Runs.AssertEveryApplicableRuleFailsWith(run, FailureKind.Crash, "killed by SIGSEGV");
    }

    [Test]
    public void ATransportThatHangsInEveryCaseFailsEveryRuleAtItsFirstCase()
    {
        var run = Runs.Everything(Runs.Settings(
            ("FFA_Targets__hangs__Adapter", "native"), ("FFA_Targets__hangs__Source", Runs.Hostile("hangs.c")), ("FFA_Targets__hangs__HangTimeoutMs", "50"), ("FFA_Run__Targets", "hangs")));

        Runs.AssertEveryApplicableRuleFailsWith(run, FailureKind.Hang, "neither called the conduit nor returned within 50 ms");
        Assert.That(run.Results.Where(r => r.Evidence is not null).Select(r => r.Evidence!.TestsRun), Has.All.EqualTo(1));
        Assert.That(run.Results.Where(r => r.Evidence is not null).Select(r => r.Evidence!.Shrinks), Has.All.LessThanOrEqualTo(RuleRunner.HungShrinkBudget));
        TestContext.Out.WriteLine($"a target that hangs in every case: {run.Results.Count} rules in {run.Results.Sum(r => r.Seconds):0.0} s at a 50 ms hang timeout");
    }

    [Test]
    public void TheSeedsExpectationsDoNotAbsorbACrash()
    {
        var run = Runs.Everything(Runs.Settings(
            ("FFA_Targets__crashes__Adapter", "native"), ("FFA_Targets__crashes__Source", Runs.Hostile("crashes.c")),
            ("FFA_Targets__crashes__Expectations", ExpectedVerdicts.SeedExpectations), ("FFA_Run__Targets", "crashes")));

        // Only the rule whose entry expects a crash (a NULL message) is an expected failure; every other listed rule is red.
        Assert.That(run.Results.Where(r => r.Verdict == Verdict.ExpectedFailure).Select(r => r.Rule), Is.EqualTo(new[] { "INV-REQ-NULL-MSG" }));
        Assert.That(run.Results.Where(r => r.Expectation is not null && r.Rule != "INV-REQ-NULL-MSG").Select(r => r.Verdict), Has.All.EqualTo(Verdict.Failed));
        Assert.That(run.Results.First(r => r.Rule == "INV-REQ-SELF-ID").Explanation,
            Does.StartWith("unexpected failure: crashes was expected to fail INV-REQ-SELF-ID with a wrong value or call saying 'w1[31:16] is not the endpoint ID reported at boot'")
                .And.Contain("but it failed with a crash"));
        Assert.That(run.IsRed, Is.True);
    }

    [Test]
    public void ATargetThatDoesNotBuildIsNeverAnExpectedFailure()
    {
        var source = Runs.Hostile("does-not-compile.c");
        var run = Runs.Everything(Runs.Settings(
            ("FFA_Targets__broken__Adapter", "native"), ("FFA_Targets__broken__Source", source),
            ("FFA_Targets__broken__Expectations", ExpectedVerdicts.SeedExpectations), ("FFA_Run__Targets", "broken")));

        Assert.That(run.Results.Select(r => (r.Outcome, r.Verdict)).Distinct(), Is.EqualTo(new[] { (RuleOutcome.Broken, Verdict.Failed) }));
        Assert.That(run.Results.Select(r => r.Explanation.Split(" (the expectation")[0]).Distinct().Single(),
            Does.StartWith($"Targets:broken:Source = '{source}' does not build: compiling {source} (Bindings:uboot:Sources[0]) failed").And.Contain("undeclared_in_this_transport").And.Contain("undeclared (first use in this function)"));
    }

    /// <summary>A binary given as the source makes megabytes of compiler output: each rule carries its head and the file with all of it, not all of it.</summary>
    [Test]
    public void AHugeBuildFailureIsShownByItsHeadAndKeptWhole()
    {
        var folder = Directory.CreateTempSubdirectory("ffa-binary-").FullName;
        try
        {
            var source = Path.Combine(folder, "binary.c");
            File.Copy("/bin/ls", source);
            var run = Runs.Everything(Runs.Settings(("FFA_Targets__binary__Adapter", "native"), ("FFA_Targets__binary__Source", source), ("FFA_Run__Targets", "binary")));

            var explanation = run.Results.Select(r => r.Explanation).Distinct().Single();
            Assert.That(explanation, Does.StartWith($"Targets:binary:Source = '{source}' does not build: compiling {source} (Bindings:uboot:Sources[0]) failed"));
            Assert.That(explanation.Length, Is.LessThan(TargetBuildException.ExcerptLines * (TargetBuildException.LineLength + 3) + 1000), explanation);
            var log = System.Text.RegularExpressions.Regex.Match(explanation, "all of it is in (\\S+)\\)$").Groups[1].Value;
            Assert.That(File.ReadAllText(log).Length, Is.GreaterThan(10 * explanation.Length), "the whole output is kept");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Test]
    public void AMissingSourceIsOneLineNamingTheKeyForEveryRule()
    {
        var run = Runs.Everything(Runs.Settings(("FFA_Targets__gone__Adapter", "native"), ("FFA_Targets__gone__Source", "/nowhere/transport.c"), ("FFA_Run__Targets", "gone")));

        Assert.That(run.Results.Select(r => (r.Outcome, r.Verdict, r.Explanation)).Distinct(), Is.EqualTo(new[]
        {
            (RuleOutcome.Broken, Verdict.Failed,
                "Targets:gone:Source = '/nowhere/transport.c' does not exist; accepted: a tree holding drivers/firmware/arm-ffa/arm-ffa-runtime.c, a patch or mail that creates it, a folder holding one such patch, or the .c file itself"),
        }));
    }

    [Test]
    public void AHostThatExitsIsACrashThatSaysHow()
    {
        var result = Runs.One("exits", () => NativeTargets.Create("exits", Runs.Hostile("exits.c"), FfaConformance.Abi.FfaVersion.V1_2), "INV-REQ-FID");

        Assert.That(result.Evidence!.Failing.Kind, Is.EqualTo(FailureKind.Crash));
        Assert.That(result.Evidence.Failing.Finding!.Text, Is.EqualTo("the target crashed: the host process exited with status 0"));
    }
}
