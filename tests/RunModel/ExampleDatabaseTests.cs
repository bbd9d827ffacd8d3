using FfaConformance.Abi;
using FfaConformance.Adapters.Emulator;
using FfaConformance.Records;
using FfaConformance.Runner.Configuration;
using FfaConformance.Runner.Engine;
using FfaConformance.Runner.Expectations;
using FfaConformance.Runner.Run;
using FfaConformance.Scenarios.Targets;
using FfaConformance.Tests.Mutants;

namespace FfaConformance.Tests.RunModel;

/// <summary>
/// The counterexample database through the one run: a shrunk counterexample is kept and is the first case of the
/// next run, which fails on it at once; when the transport is fixed the kept case passes, leaves the database and
/// the result says so; a file the suite cannot read is one error naming it and what is wrong with it, in one line;
/// writes go through temporary names of their own; a replay leaves the database alone.
/// </summary>
[TestFixture]
[Category("Fast")]
public sealed class ExampleDatabaseTests
{
    private const string Rule = "INV-RESP-SUCCESS-NOT-COMPLETION";
    private string directory = string.Empty;

    [SetUp]
    public void Folder() => directory = Directory.CreateTempSubdirectory("ffa-examples-").FullName;

    [TearDown]
    public void Remove() => Directory.Delete(directory, recursive: true);

    [Test]
    public void AKeptCounterexampleIsTheFirstCaseOfTheNextRun()
    {
        var database = new ExampleDatabase(directory);
        var (first, found) = Check(database, broken: true);
        Assert.That(first.Outcome, Is.EqualTo(RuleOutcome.Failed));
        Assert.That(database.Load("transport", Rule).Select(k => k.Scenario), Is.EqualTo(new[] { found!.Minimal.Scenario }));

        var (second, again) = Check(database, broken: true);

        Assert.That(second.Outcome, Is.EqualTo(RuleOutcome.Failed));
        Assert.That((second.Cases, second.Evidence!.Replay, again!.Minimal.Scenario), Is.EqualTo((1, string.Empty, found.Minimal.Scenario)));
        Assert.That(second.Explanation, Does.Contain("(a counterexample kept since "));
        Assert.That(second.Evidence.ReplayCommand, Does.Not.Contain("Run__Replay"));
    }

    [Test]
    public void AFixShowsAsTheKeptCasePassingAndLeavingTheDatabase()
    {
        var database = new ExampleDatabase(directory);
        Check(database, broken: true);

        var (fixedRun, _) = Check(database, broken: false);

        Assert.That(fixedRun.Outcome, Is.EqualTo(RuleOutcome.Passed));
        Assert.That(fixedRun.Explanation, Does.Contain($"1 counterexample(s) kept since {DateTime.UtcNow:yyyy-MM-dd} pass now and left {database.FileOf("transport", Rule)}"));
        Assert.That(File.Exists(database.FileOf("transport", Rule)), Is.False);
    }

    [Test]
    public void APassInADatabaseNotMadeYetLeavesItEmpty()
    {
        var database = new ExampleDatabase(Path.Combine(directory, "not-made-yet"));

        var (result, _) = Check(database, broken: false);

        Assert.That(result.Outcome, Is.EqualTo(RuleOutcome.Passed), result.Explanation);
        Assert.That(Directory.Exists(database.Directory), Is.False);
    }

    [Test]
    public void ADatabaseThatCannotBeWrittenLeavesTheVerdictAndSaysSo()
    {
        var blocker = Path.Combine(directory, "a-file");
        File.WriteAllText(blocker, string.Empty);
        var database = new ExampleDatabase(blocker);

        var (result, _) = Check(database, broken: true);

        Assert.That(result.Outcome, Is.EqualTo(RuleOutcome.Failed));
        Assert.That(result.Explanation, Does.Contain($"(the counterexample database could not be written, {database.FileOf("transport", Rule)}: "));
    }

    /// <summary>A kept case this target cannot run (its configuration changed since) is one error naming the file, not an exception.</summary>
    [Test]
    public void AKeptCaseTheTargetCannotRunIsOneErrorNamingTheFile()
    {
        var database = new ExampleDatabase(directory);
        var (_, found) = Check(database, broken: true);
        var unplayable = found!.Minimal.Scenario with { Steps = [Scenarios.Steps.SetVirtualAddressMapStep.Instance, .. found.Minimal.Scenario.Steps] };
        database.Keep("transport", Rule, [new KeptExample(DateTimeOffset.UtcNow, "kept", unplayable)]);

        var (result, _) = Check(database, broken: true);

        Assert.That(result.Outcome, Is.EqualTo(RuleOutcome.Broken));
        Assert.That(result.Explanation, Does.Contain($"failed while running a counterexample kept in {database.FileOf("transport", Rule)}: InvalidOperationException"));
    }

    /// <summary>
    /// A kept case the target can no longer take (its entry lost the width since) is not run: it is no crash of the
    /// target and no pass either, and it leaves the database with the reason.
    /// </summary>
    [Test]
    public void AKeptCaseTheTargetCanNoLongerTakeIsNotRunAndLeaves()
    {
        var database = new ExampleDatabase(directory);
        var (_, found) = Check(database, broken: true);
        var sends = found!.Minimal.Scenario.Steps.OfType<Scenarios.Steps.SendStep>().ToArray();
        Assert.That(sends, Is.Not.Empty, "the kept case sends a direct request");
        var smc32 = found.Minimal.Scenario with
        {
            Steps = [.. found.Minimal.Scenario.Steps.Select(s => s is Scenarios.Steps.SendStep send ? send with { Request = send.Request with { Convention = Convention.Smc32 } } : s)],
        };
        database.Keep("transport", Rule, [new KeptExample(DateTimeOffset.UtcNow, "kept", smc32)]);

        var (result, _) = Check(database, broken: false, capabilities: TargetCapabilities.All & ~TargetCapabilities.Smc32Request);

        Assert.That(result.Outcome, Is.EqualTo(RuleOutcome.Passed), result.Explanation);
        Assert.That(result.Explanation, Does.Contain($"1 counterexample(s) kept in {database.FileOf("transport", Rule)} were not run and left it, since the target cannot take them (it asks for an SMC32 request")
            .And.Not.Contain("pass now"));
        Assert.That(File.Exists(database.FileOf("transport", Rule)), Is.False);
    }

    [TestCase("not\njson", "is an invalid JSON literal")]
    [TestCase("""{"format": 2, "examples": []}""", "its \"format\" is not 1")]
    [TestCase("""{"format": 1, "examples": [{"found": "2026-11-29T00:00:00Z", "finding": "x", "scenario": {"Boot": {"EndpointId": 1}}}]}""", "missing required properties")]
    [TestCase("""{"format": 1}""", "the file has no \"examples\"")]
    [TestCase("""{"format": 1, "examples": {}}""", "its \"examples\" is not an array")]
    [TestCase("""{"format": 1, "examples": [{"found": "2026-11-29T00:00:00Z", "scenario": {}}]}""", "example 1 has no \"finding\"")]
    [TestCase("{\"format\": 1,\n \"examples\": [\n{\"found\": \"2026-11-29T00:00:00Z\",\n \"finding\": \"x\"}]}", "example 1 has no \"scenario\"")]
    public void AFileTheSuiteCannotReadIsOneErrorNamingIt(string content, string says)
    {
        var database = new ExampleDatabase(directory);
        Directory.CreateDirectory(Path.GetDirectoryName(database.FileOf("transport", Rule))!);
        File.WriteAllText(database.FileOf("transport", Rule), content);

        var (result, _) = Check(database, broken: false);

        Assert.That(result.Outcome, Is.EqualTo(RuleOutcome.Broken));
        Assert.That(result.IsRed, Is.True);
        Assert.That(result.Explanation, Does.Contain($"the counterexample database file {database.FileOf("transport", Rule)} cannot be read").And.Contain("accepted:"));
        Assert.That(result.Explanation, Does.Contain(says).And.Not.Contain("\n"), "names what is wrong, in one line");
    }

    /// <summary>Each write goes through a temporary name of its own: one left where the old fixed name was does not stand in the way.</summary>
    [Test]
    public void AKeptCaseIsWrittenBesideUnderANameOfItsOwn()
    {
        var database = new ExampleDatabase(directory);
        Directory.CreateDirectory($"{database.FileOf("transport", Rule)}.tmp");

        var (result, found) = Check(database, broken: true);

        Assert.That(result.Explanation, Does.Not.Contain("could not be written"));
        Assert.That(database.Load("transport", Rule).Select(k => k.Scenario), Is.EqualTo(new[] { found!.Minimal.Scenario }));
        Assert.That(Directory.EnumerateFiles(Path.GetDirectoryName(database.FileOf("transport", Rule))!, "*.tmp"), Is.Empty);
    }

    [Test]
    public void AReplayNeitherReadsNorWritesTheDatabase()
    {
        var database = new ExampleDatabase(directory);
        var (first, _) = Check(database, broken: true);
        var kept = File.ReadAllText(database.FileOf("transport", Rule));

        var (replayed, _) = Check(database, broken: false, replay: first.Evidence!.Replay);

        Assert.That(replayed.Explanation, Does.Not.Contain("kept since"));
        Assert.That(File.ReadAllText(database.FileOf("transport", Rule)), Is.EqualTo(kept));
    }

    /// <summary>The rule on a target named "transport": seed D4's mutant when <paramref name="broken"/>, the reference otherwise.</summary>
    private static (ResultRecord Result, Counterexample? Counterexample) Check(
        ExampleDatabase database, bool broken, string? replay = null, TargetCapabilities capabilities = TargetCapabilities.All)
    {
        var target = new RunTarget("transport", EmulatorTarget.AdapterName, FfaVersion.V1_0, () => new EmulatorTarget(
            new TargetDescription("transport", EmulatorTarget.AdapterName, FfaVersion.V1_0, capabilities, new Provenance("tests")),
            (c, v) => broken ? new SuccessCompletes(c, v) : new ReferenceTransport(c, v)), new Dictionary<string, Expectation>());
        using var run = new ConformanceRun(new RunPlan([target], SettingsLoader.DefaultOptions with { MaxTest = 100, Replay = replay }, FfaVersion.V1_3)
        {
            Examples = database,
            ReplayCommand = (t, r, seed) => seed.Length > 0 ? $"FFA_Run__Replay={seed} rerun {t} {r}" : $"rerun {t} {r}",
        });
        return (run.Check("transport", Rule), run.CounterexampleOf("transport", Rule));
    }
}
