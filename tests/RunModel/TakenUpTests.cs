using FfaConformance.Records;
using FfaConformance.Reports.Text;
using FfaConformance.Runner.Configuration;
using FfaConformance.Runner.Run;
using FfaConformance.Tests.Native;

namespace FfaConformance.Tests.RunModel;

/// <summary>
/// A stopped run's results stand only for the code as it is now: a run that stopped after a rule passed is taken
/// up by the next run of the same target (the control), but not once the target's source was changed to break
/// that rule, its expectations edited or its configuration changed, nor by another build of the suite. Each time
/// the run says why, in its notes, which run.json and summary.txt carry.
/// </summary>
[TestFixture]
[Category("Native")]
public sealed class TakenUpTests
{
    private const string Rule = "INV-REQ-FID";
    private string work = string.Empty;
    private string source = string.Empty;

    [SetUp]
    public void Folder()
    {
        NativeTargets.RequireToolchain();
        work = Directory.CreateTempSubdirectory("ffa-taken-up-").FullName;
        source = Path.Combine(work, "mine.c");
        File.WriteAllText(source, File.ReadAllText(NativeTargets.Reference));
    }

    [TearDown]
    public void Remove() => Directory.Delete(work, recursive: true);

    [Test]
    public void TheSameTargetTakesUpWhatTheStoppedRunFinished()
    {
        var stopped = Stop(Settings());

        using var run = new ConformanceRun(SuitePlan.From(Settings()));
        var again = run.Check("mine", Rule);

        Assert.That((again.Verdict, again.Seed, again.Cases), Is.EqualTo((Verdict.Passed, stopped.Seed, stopped.Cases)), "the finished result, as the stopped run wrote it");
        Assert.That(run.Notes, Has.One.Contains("a run of this plan stopped before it ended, having finished 1 rule(s)"));
    }

    [Test]
    public void ASourceChangedSinceIsCheckedAgainAndTheRunSaysSo()
    {
        Stop(Settings());
        var reference = File.ReadAllText(source);
        var sends64 = reference.Replace(
            "args.a0 = is_smc64 ? FFA_SMC_64(FFA_MSG_SEND_DIRECT_REQ) : FFA_SMC_32(FFA_MSG_SEND_DIRECT_REQ);",
            "args.a0 = FFA_SMC_64(FFA_MSG_SEND_DIRECT_REQ);",
            StringComparison.Ordinal);
        Assert.That(sends64, Is.Not.EqualTo(reference), "the mutation applies to the reference");
        File.WriteAllText(source, sends64);

        using var run = new ConformanceRun(SuitePlan.From(Settings()));
        var again = run.Check("mine", Rule);

        Assert.That(again.Verdict, Is.EqualTo(Verdict.Failed), again.Explanation);
        var note = "mine's inputs changed since the run stopped (its source as compiled, build, firmware or kernel, expectations or configuration); its 1 finished and 0 interrupted rule(s) are checked again";
        Assert.That(run.Notes, Has.One.EqualTo(note));
        var record = run.Record();
        Assert.That(record.Run.Notes, Has.One.EqualTo(note));
        Assert.That(SummaryText.Format(record), Does.Contain($"Note: {note}"));
    }

    [Test]
    public void ExpectationsEditedSinceAreCheckedAgain()
    {
        var expectations = Path.Combine(work, "mine.json");
        File.WriteAllText(expectations, """{ "expected": [] }""");
        Stop(Settings(("FFA_Targets__mine__Expectations", expectations)));
        File.WriteAllText(expectations, $$"""{ "expected": [ { "rule": "{{Rule}}", "failure": "finding", "reason": "r", "reference": "x", "expires": "2099-01-01" } ] }""");

        using var run = new ConformanceRun(SuitePlan.From(Settings(("FFA_Targets__mine__Expectations", expectations))));
        var again = run.Check("mine", Rule);

        Assert.That(again.Verdict, Is.EqualTo(Verdict.UnexpectedPass), "judged against the expectations as they are now");
        Assert.That(run.Notes, Has.One.StartsWith("mine's inputs changed since the run stopped"));
    }

    [Test]
    public void AnotherConfigurationOfTheTargetIsCheckedAgain()
    {
        Stop(Settings());

        using var run = new ConformanceRun(SuitePlan.From(Settings(("FFA_Targets__mine__HangTimeoutMs", "1234"))));
        run.Check("mine", Rule);

        Assert.That(run.Notes, Has.One.StartsWith("mine's inputs changed since the run stopped"));
    }

    [Test]
    public void AnotherBuildOfTheSuiteTakesNothingUp()
    {
        Stop(Settings());

        using var run = new ConformanceRun(SuitePlan.From(Settings()) with { SuiteBuild = "another build" });
        run.Check("mine", Rule);

        Assert.That(run.Notes, Has.One.Contains("was left by a run of another build of the suite"));
    }

    /// <summary>A run that checked the rule and stopped before it ended, as a killed runner leaves it: its journal is not ended.</summary>
    private static Records.ResultRecord Stop(SuiteSettings settings)
    {
        using var run = new ConformanceRun(SuitePlan.From(settings));
        var result = run.Check("mine", Rule);
        Assert.That(result.Verdict, Is.EqualTo(Verdict.Passed), result.Explanation);
        return result;
    }

    private SuiteSettings Settings(params (string Name, string Value)[] more) => Runs.Settings(
    [
        ("FFA_Targets__mine__Adapter", "native"),
        ("FFA_Targets__mine__Source", source),
        ("FFA_Targets__mine__Version", "1.2"),
        ("FFA_Run__Targets", "mine"),
        ("FFA_Run__MaxTest", "100"),
        ("FFA_Run__ResultsDirectory", Path.Combine(work, "results")),
        .. more,
    ]);
}
