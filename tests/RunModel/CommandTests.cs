using System.Text.RegularExpressions;
using FfaConformance.Records;
using FfaConformance.Tests.Native;
using FfaConformance.Tests.Support;

namespace FfaConformance.Tests.RunModel;

/// <summary>
/// Items 4 and 6 of the run-model issue, through `dotnet test` as a user types it: a configuration error fails
/// every test whatever filter selected it, with one message and no stack trace, and the run is red; the replay
/// line a failure prints, pasted into a clean shell elsewhere, reruns the same minimal counterexample.
/// </summary>
[TestFixture]
[Category("Commands")]
public sealed partial class CommandTests
{
    [TestCase("FullyQualifiedName~mine/")]
    [TestCase("Target=mine")]
    [TestCase("Rule=INV-RT-GATE")]
    public void AMisspeltKeyFailsEveryTestTheFilterSelects(string filter)
    {
        var (exit, output) = DotnetTest.Shell($"dotnet test {DotnetTest.Suite} --no-build --filter '{filter}'", NativeTargets.Root, new Dictionary<string, string>
        {
            ["FFA_Targets__mine__Adapter"] = "native",
            ["FFA_Targets__mine__Sorce"] = NativeTargets.Reference,
            ["FFA_Run__ResultsDirectory"] = Directory.CreateTempSubdirectory("ffa-misspelt-").FullName,
        });

        var failed = FailedTest().Count(output);
        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.Not.Zero, output);
            Assert.That(failed, Is.GreaterThan(0), output);
            Assert.That(Regex.Count(output, Regex.Escape("configuration error: unknown key 'Targets:mine:Sorce' (environment variable FFA_Targets__mine__Sorce)")),
                Is.EqualTo(failed), output);
            Assert.That(output, Does.Not.Match(@"\n\s+at FfaConformance\."), "a stack trace");
        });
    }

    [Test]
    public void AReplayLinePastedIntoACleanShellRerunsTheSameCounterexample()
    {
        NativeTargets.RequireToolchain();
        var mutant = CMutant.All.Single(m => m.Name == "success-completes");
        var source = Path.Combine(Directory.CreateTempSubdirectory("ffa-replay-source-").FullName, "mutant.c");
        File.WriteAllText(source, mutant.Apply(File.ReadAllText(NativeTargets.Reference)));
        var first = Directory.CreateTempSubdirectory("ffa-replay-first-").FullName;

        // A target defined only by environment variables, with settings that differ from the defaults.
        var (exit, output) = DotnetTest.Shell($"dotnet test {DotnetTest.Suite} --no-build --filter 'Rule={mutant.Rule}'", NativeTargets.Root, new Dictionary<string, string>
        {
            ["FFA_Targets__mine__Adapter"] = "native",
            ["FFA_Targets__mine__Source"] = source,
            ["FFA_Targets__mine__Version"] = "1.1",
            ["FFA_Run__CallBudget"] = "48",
            ["FFA_Run__MaxTest"] = "150",
            ["FFA_Run__Targets"] = "mine",
            ["FFA_Run__ResultsDirectory"] = first,
        });
        Assert.That(exit, Is.Not.Zero, output);
        var original = RunRecordFile.Read(Path.Combine(first, "run.json")).Results.Single(r => r.Rule == mutant.Rule).Evidence!;
        Assert.That(output, Does.Contain($"Replay: {original.ReplayCommand}"));

        var again = Directory.CreateTempSubdirectory("ffa-replay-again-").FullName;
        var (replayExit, replayOutput) = DotnetTest.Shell(original.ReplayCommand!, Path.GetTempPath(), new Dictionary<string, string> { ["FFA_Run__ResultsDirectory"] = again });

        var replayed = RunRecordFile.Read(Path.Combine(again, "run.json"));
        var evidence = replayed.Results.Single().Evidence!;
        Assert.Multiple(() =>
        {
            Assert.That(replayExit, Is.Not.Zero, replayOutput);
            Assert.That(replayed.Results.Single().Rule, Is.EqualTo(mutant.Rule));
            Assert.That(evidence.Minimal.Scenario, Is.EqualTo(original.Minimal.Scenario));
            Assert.That(evidence.Minimal.Steps.Select(s => (s.Outcome, s.Calls.Count)), Is.EqualTo(original.Minimal.Steps.Select(s => (s.Outcome, s.Calls.Count))));
            Assert.That(evidence.Failing.Finding, Is.EqualTo(original.Failing.Finding));
        });
    }

    [GeneratedRegex(@"^\s+Failed [A-Za-z0-9._-]+/INV-", RegexOptions.Multiline)]
    private static partial Regex FailedTest();
}
