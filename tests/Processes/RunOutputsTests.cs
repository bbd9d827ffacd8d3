using System.Xml.Linq;
using FfaConformance.Reports;
using FfaConformance.Runner.Configuration;
using FfaConformance.Runner.Run;
using FfaConformance.Tests.Native;
using FfaConformance.Tests.Support;

namespace FfaConformance.Tests.Processes;

/// <summary>
/// What a run leaves where a lab reads it, tried as a hostile lab user would with `dotnet test` as users type it:
/// outputs that say fail for every rule as soon as the run starts, and until it has finished; a configuration
/// error that replaces the last night's passes with its own failures; outputs that cannot be written failing the
/// run in one line naming the file, and taking the journal with them; a results folder that cannot be used, or is
/// another run's, refused naming Run:ResultsDirectory whatever the filter; a baseline that cannot be read noted
/// in summary.txt.
/// </summary>
[TestFixture]
[Category("Processes")]
public sealed class RunOutputsTests
{
    private string work = string.Empty;
    private string results = string.Empty;

    [SetUp]
    public void Folder()
    {
        work = Directory.CreateTempSubdirectory("ffa-outputs-").FullName;
        results = Path.Combine(work, "results");
    }

    [TearDown]
    public void Remove() => Directory.Delete(work, recursive: true);

    [Test]
    public void OutputsThatCannotBeWrittenFailTheRunInOneLineAndTakeTheJournalWithThem()
    {
        NativeTargets.RequireToolchain();
        var source = Path.Combine(work, "slow.c");
        File.WriteAllText(source, NativeTargets.SlowReference());
        var environment = NativeTargets.SlowRun(source, results, maxTest: 100);
        var command = Command("Target=slow&(Rule=INV-REQ-FID|Rule=INV-RESP-PAYLOAD)");
        var run = Path.Combine(results, RunArtifacts.RunFile);
        var journal = Path.Combine(results, SuitePlan.RunJournalFile);

        int exit;
        string output;
        using (var first = DotnetTest.Start("/bin/bash", ["-c", command], work, environment))
        {
            var stdout = first.StandardOutput.ReadToEndAsync();
            var stderr = first.StandardError.ReadToEndAsync();
            Assert.That(WaitFor(() => DotnetTest.Read(journal).Contains("\"case\":", StringComparison.Ordinal), first), Is.True, "the run never began a case");

            // While the run goes on, its outputs already say that nothing has been checked.
            Assert.That(Failures(), Is.EqualTo(Rules.RuleCatalogue.All.Count));
            Assert.That(File.ReadAllText(Path.Combine(results, "lava", "slow.sh")), Does.Contain("--result fail").And.Not.Contain("--result pass"));

            File.Delete(run);
            Directory.CreateDirectory(run);
            Assert.That(first.WaitForExit(TimeSpan.FromMinutes(5)), Is.True);
            (exit, output) = (first.ExitCode, stdout.Result + stderr.Result);
        }

        Assert.That(exit, Is.Not.Zero, output);
        Assert.That(output, Does.Contain($"the run's results could not be written, so the run fails and keeps no journal (Run:ResultsDirectory = '{results}' (environment variable FFA_Run__ResultsDirectory)): {run} cannot be written"));
        Assert.That(File.Exists(journal), Is.False, "no journal stands for results nobody could read");

        Directory.Delete(run);
        File.WriteAllText(source, "this does not compile\n");
        var (again, next) = DotnetTest.Shell(command, work, environment);

        Assert.That(again, Is.Not.Zero, next);
        Assert.That(next, Does.Contain("does not build").And.Not.Contain("stopped before it ended"));
    }

    /// <summary>
    /// `dotnet test` stopped with SIGTERM, as a lab's timeout stops it: its status is not 0 (the SDK's own handler
    /// would make it 0), its test host leaves none of the runtime's files in TMPDIR, and its outputs fail what it
    /// did not check.
    /// </summary>
    [Test]
    public void ADotnetTestStoppedWithSigtermIsNeverGreen()
    {
        var temporary = Directory.CreateDirectory(Path.Combine(work, "tmp")).FullName;
        var environment = new Dictionary<string, string>
        {
            ["FFA_Run__ResultsDirectory"] = results,
            ["FFA_Run__Targets"] = "emulator",
            ["FFA_Run__MaxTest"] = "1000000",
            ["TMPDIR"] = temporary,
        };
        using var run = DotnetTest.Start("dotnet", ["test", DotnetTest.Suite, "--no-build", "--filter", "Target=emulator"], work, environment);
        var output = run.StandardOutput.ReadToEndAsync();
        Assert.That(WaitFor(() => DotnetTest.Read(Path.Combine(results, SuitePlan.RunJournalFile)).Contains("\"case\":", StringComparison.Ordinal), run), Is.True, "the run never began a case");

        DotnetTest.Shell($"kill -TERM {run.Id}", work);

        Assert.That(run.WaitForExit(TimeSpan.FromMinutes(1)), Is.True);
        Assert.That(run.ExitCode, Is.EqualTo(128 + 15), output.Result);
        Assert.That(WaitFor(() => Leftovers(temporary).Length == 0, TimeSpan.FromSeconds(10)), Is.True,
            $"the runtime's files left in TMPDIR: {string.Join(", ", Leftovers(temporary))}");
        Assert.That(Failures(), Is.EqualTo(Rules.RuleCatalogue.All.Count));
    }

    [Test]
    public void AConfigurationErrorReplacesTheLastRunsVerdictsWithItsOwn()
    {
        var environment = new Dictionary<string, string> { ["FFA_Run__ResultsDirectory"] = results, ["FFA_Run__Targets"] = "emulator" };
        var (passed, output) = DotnetTest.Shell(Command("Target=emulator"), work, environment);
        Assert.That(passed, Is.Zero, output);
        Assert.That(Failures(), Is.Zero);

        var (refused, said) = DotnetTest.Shell(Command("Target=emulator"), work, new Dictionary<string, string>(environment) { ["FFA_Run__MaxTst"] = "5" });

        Assert.That(refused, Is.Not.Zero, said);
        var junit = XDocument.Load(Path.Combine(results, RunArtifacts.JunitFile));
        var emulator = junit.Descendants("testcase").Where(c => (string?)c.Attribute("classname") == "FfaConformance.emulator").ToArray();
        Assert.That(emulator, Has.Length.EqualTo(Rules.RuleCatalogue.All.Count));
        Assert.That(emulator.All(c => c.Element("failure")?.ToString().Contains("unknown key 'Run:MaxTst'", StringComparison.Ordinal) is true), Is.True, junit.ToString()[..2000]);
        Assert.That(File.ReadAllLines(Path.Combine(results, "lava", "emulator.sh")).Where(l => l.StartsWith("lava-test-case", StringComparison.Ordinal)),
            Has.All.Contain("--result fail"));
        Assert.That(File.ReadAllText(Path.Combine(results, RunArtifacts.SummaryFile)), Does.Contain("configuration error: unknown key 'Run:MaxTst'"));
    }

    /// <summary>Listing the tests (as an IDE's discovery does) is no run: it neither holds nor writes the results folder.</summary>
    [Test]
    public void ListingTheTestsLeavesTheResultsFolderAlone()
    {
        var (exit, output) = DotnetTest.Shell($"dotnet test '{DotnetTest.Suite}' --no-build --list-tests", work,
            new Dictionary<string, string> { ["FFA_Run__ResultsDirectory"] = results, ["FFA_Run__Targets"] = "emulator" });

        Assert.That(exit, Is.Zero, output);
        Assert.That(output, Does.Contain("emulator/INV-REQ-FID"));
        Assert.That(Directory.Exists(results), Is.False);
    }

    [TestCase("/proc/nope")]
    [TestCase("a-file")]
    public void AResultsFolderThatCannotBeUsedIsOneErrorNamingTheKeyWhateverTheFilter(string folder)
    {
        var path = folder.StartsWith('/') ? folder : Path.Combine(work, folder);
        if (!folder.StartsWith('/'))
        {
            File.WriteAllText(path, "a file where the folder should be");
        }

        var (exit, output) = DotnetTest.Shell(Command("Target=emulator&Rule=INV-REQ-FID"), work,
            new Dictionary<string, string> { ["FFA_Run__ResultsDirectory"] = path, ["FFA_Run__Targets"] = "emulator" });

        Assert.That(exit, Is.Not.Zero, output);
        Assert.That(output, Does.Contain($"Run:ResultsDirectory = '{path}' (environment variable FFA_Run__ResultsDirectory) cannot be used"));
        Assert.That(output, Does.Not.Contain("No test matches").And.Not.Contain("   at "), "one error, no stack trace");
    }

    [Test]
    public void AResultsFolderAnotherRunHoldsIsRefused()
    {
        using var other = ResultsFolder.Claim(results, "another run");

        var (exit, output) = DotnetTest.Shell(Command("Target=emulator&Rule=INV-REQ-FID"), work,
            new Dictionary<string, string> { ["FFA_Run__ResultsDirectory"] = results, ["FFA_Run__Targets"] = "emulator" });

        Assert.That(exit, Is.Not.Zero, output);
        Assert.That(output, Does.Contain($"Run:ResultsDirectory = '{results}' (environment variable FFA_Run__ResultsDirectory) is in use by another run of the suite"));
        Assert.That(File.Exists(Path.Combine(results, RunArtifacts.JunitFile)), Is.False, "the other run's folder is left alone");
    }

    [Test]
    public void ABaselineThatCannotBeReadIsNotedWithTheResults()
    {
        Directory.CreateDirectory(results);
        File.WriteAllText(Path.Combine(results, RunArtifacts.LastCompleteRunFile), "not a run");

        var (exit, output) = DotnetTest.Shell(Command("Target=emulator"), work,
            new Dictionary<string, string> { ["FFA_Run__ResultsDirectory"] = results, ["FFA_Run__Targets"] = "emulator" });

        Assert.That(exit, Is.Zero, output);
        Assert.That(File.ReadAllText(Path.Combine(results, RunArtifacts.SummaryFile)), Does.Contain("Note: the previous run could not be compared:"));
        Assert.That(File.ReadAllText(Path.Combine(results, RunArtifacts.RunFile)), Does.Contain("the previous run could not be compared"));
    }

    private static string Command(string filter) => $"dotnet test '{DotnetTest.Suite}' --no-build --filter '{filter}' --logger 'console;verbosity=normal'";

    /// <summary>The failing test cases of junit.xml in the results folder.</summary>
    private int Failures() => XDocument.Load(Path.Combine(results, RunArtifacts.JunitFile)).Descendants("testcase").Count(c => c.Element("failure") is not null);

    /// <summary>What .NET processes leave in TMPDIR when they end without an orderly exit.</summary>
    private static string[] Leftovers(string folder) =>
        [.. Directory.EnumerateFiles(folder, "clr-debug-pipe-*").Concat(Directory.EnumerateFiles(folder, "dotnet-diagnostic-*")).Select(Path.GetFileName).OfType<string>()];

    private static bool WaitFor(Func<bool> condition, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        while (!condition() && DateTime.UtcNow < deadline)
        {
            Thread.Sleep(100);
        }

        return condition();
    }

    private static bool WaitFor(Func<bool> condition, System.Diagnostics.Process process)
    {
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (DateTime.UtcNow < deadline && !process.HasExited)
        {
            if (condition())
            {
                return true;
            }

            Thread.Sleep(50);
        }

        return condition();
    }
}
