using System.Xml.Linq;
using FfaConformance.Tests.Native;
using FfaConformance.Tests.Support;

namespace FfaConformance.Tests.Cli;

/// <summary>
/// The suite as a lab runs it on a board: `dotnet publish -r RID --self-contained` gives an executable that needs
/// neither the SDK nor the checkout. Published for this machine's RID (a board's is linux-arm64, built the same
/// way), run from an empty folder with Run:Root naming where relative paths start, it writes its results there,
/// LAVA's script included; without a checkout or Run:Root it says so in one line, and a Run:Root that does not
/// exist is refused naming the key.
/// </summary>
[TestFixture]
[Category("Commands")]
public sealed class PublishedSuiteTests
{
    private string work = string.Empty;
    private string suite = string.Empty;

    [OneTimeSetUp]
    public void Publish()
    {
        work = Directory.CreateTempSubdirectory("ffa-published-").FullName;
        suite = Path.Combine(work, "suite");
        // Its own artifacts path, so the checkout's bin and obj stay as the other tests use them.
        var (exit, output) = DotnetTest.Shell(
            $"dotnet publish '{DotnetTest.Suite}' -c Release -r linux-x64 --self-contained --artifacts-path '{Path.Combine(work, "artifacts")}' -o '{suite}'",
            work,
            timeout: TimeSpan.FromMinutes(10));
        Assert.That(exit, Is.Zero, output);
    }

    [OneTimeTearDown]
    public void Remove() => Directory.Delete(work, recursive: true);

    [Test]
    public void RunsWithoutTheSdkOrTheCheckoutAndWritesItsResultsUnderRunRoot()
    {
        var root = Directory.CreateDirectory(Path.Combine(work, "board")).FullName;

        var (_, output) = Run(root, new Dictionary<string, string> { ["FFA_Run__Root"] = root, ["FFA_Run__Targets"] = "emulator", ["FFA_Run__MaxTest"] = "100" });

        var results = Path.Combine(root, "artifacts", "results");
        Assert.That(File.Exists(Path.Combine(results, "run.json")), Is.True, output);
        var cases = XDocument.Load(Path.Combine(results, "junit.xml")).Descendants("testcase").Select(c => (string)c.Attribute("name")!).ToArray();
        var lava = File.ReadAllLines(Path.Combine(results, "lava", "emulator.sh")).Where(l => l.StartsWith("lava-test-case ", StringComparison.Ordinal)).Select(l => l.Split(' ')[1]);
        Assert.That(cases, Has.Length.EqualTo(Rules.RuleCatalogue.All.Count));
        Assert.That(lava, Is.EqualTo(cases));
    }

    /// <summary>The defaults file's targets name files that ship with the suite: they resolve in the suite's folder, not under Run:Root.</summary>
    [Test]
    public void TheDefaultTargetsFindTheFilesThatShipWithTheSuite()
    {
        NativeTargets.RequireToolchain();
        var root = Directory.CreateDirectory(Path.Combine(work, "empty-board")).FullName;

        var (exit, output) = Run(root, new Dictionary<string, string> { ["FFA_Run__Root"] = root, ["FFA_Run__Targets"] = "c-reference" });

        Assert.That(exit, Is.Zero, output);
        var junit = XDocument.Load(Path.Combine(root, "artifacts", "results", "junit.xml"));
        Assert.That(junit.Root!.Attribute("failures")!.Value, Is.EqualTo("0"), output);
        Assert.That(File.ReadAllText(Path.Combine(root, "artifacts", "results", "run.json")), Does.Contain(Path.Combine(suite, "adapters", "c", "reference", "ffa_runtime_reference.c")));
    }

    /// <summary>
    /// A lab stops a run with SIGTERM: the suite exits non-zero, leaves none of the runtime's files in TMPDIR, and
    /// its outputs fail every rule it had not checked.
    /// </summary>
    [Test]
    public void ARunStoppedWithSigtermIsNeverGreen()
    {
        var root = Directory.CreateDirectory(Path.Combine(work, "stopped")).FullName;
        var temporary = Directory.CreateDirectory(Path.Combine(work, "tmp")).FullName;
        var results = Path.Combine(root, "artifacts", "results");
        using var run = DotnetTest.Start(Path.Combine(suite, "FfaConformance.Suite"), ["--no-ansi", "--no-progress"], root, new Dictionary<string, string>
        {
            ["FFA_Run__Root"] = root,
            ["FFA_Run__Targets"] = "emulator",
            ["FFA_Run__MaxTest"] = "1000000",
            ["TMPDIR"] = temporary,
        });
        var output = run.StandardOutput.ReadToEndAsync();
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (!DotnetTest.Read(Path.Combine(results, "journal.jsonl")).Contains("\"case\":", StringComparison.Ordinal) && DateTime.UtcNow < deadline && !run.HasExited)
        {
            Thread.Sleep(50);
        }

        Assert.That(run.HasExited, Is.False, "the run ended before it could be stopped");
        Assert.That(Directory.EnumerateFiles(temporary, $"dotnet-diagnostic-{run.Id}-*"), Is.Not.Empty, "the runtime's files are where this test looks for them");
        DotnetTest.Shell($"kill -TERM {run.Id}", work);
        Assert.That(run.WaitForExit(TimeSpan.FromMinutes(1)), Is.True);

        Assert.That(run.ExitCode, Is.EqualTo(128 + 15), output.Result);
        Assert.That(Directory.EnumerateFiles(temporary, $"*-{run.Id}-*"), Is.Empty, "none of the runtime's files is left in TMPDIR");
        var junit = XDocument.Load(Path.Combine(results, "junit.xml"));
        Assert.That(junit.Descendants("testcase").Count(c => c.Element("failure") is not null), Is.EqualTo(Rules.RuleCatalogue.All.Count));
    }

    [Test]
    public void WithoutACheckoutOrRunRootItSaysWhatToSet()
    {
        var (_, output) = Run(Directory.CreateDirectory(Path.Combine(work, "nowhere")).FullName, new Dictionary<string, string> { ["FFA_Run__Targets"] = "emulator" });

        Assert.That(output, Does.Contain($"cannot find FfaConformance.sln above {suite}/; run the suite from a checkout, or name the folder relative paths start from in Run:Root (FFA_Run__Root)"));
    }

    [Test]
    public void ARunRootThatDoesNotExistIsRefusedNamingTheKey()
    {
        var missing = Path.Combine(work, "no-such-folder");

        var (_, output) = Run(work, new Dictionary<string, string> { ["FFA_Run__Root"] = missing, ["FFA_Run__Targets"] = "emulator" });

        Assert.That(output, Does.Contain("Run:Root").And.Contain(missing).And.Contain("an existing directory"));
    }

    private (int Exit, string Output) Run(string directory, Dictionary<string, string> environment) =>
        DotnetTest.Shell($"'{Path.Combine(suite, "FfaConformance.Suite")}' --no-ansi --no-progress", directory, environment, TimeSpan.FromMinutes(5));
}
