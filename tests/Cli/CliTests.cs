using FfaConformance.Reports;
using FfaConformance.Tests.Native;
using FfaConformance.Tests.Reporting;
using FfaConformance.Tests.Support;

namespace FfaConformance.Tests.Cli;

/// <summary>
/// The ffa command line as a user calls it: help is a command, a report goes where it is told, folder or not (item
/// 10); the same run given twice, or a folder given for a run, is one error saying what is accepted.
/// </summary>
[TestFixture]
[Category("Commands")]
public sealed class CliTests
{
    private static readonly string Ffa = Path.Combine(NativeTargets.Root, "cli", "bin", "Debug", "net10.0", "ffa.dll");

    [TestCase("--help")]
    [TestCase("-h")]
    [TestCase("help")]
    public void HelpListsTheCommandsAndSucceeds(string help)
    {
        var (exit, output) = DotnetTest.Shell($"dotnet {Ffa} {help}", Path.GetTempPath());

        Assert.That((exit, output), Is.EqualTo((0, output)));
        Assert.That(output, Does.Contain("report [--out FILE]").And.Contain("bench").And.Not.Contain("unknown command"));
    }

    [Test]
    public void AnUnknownCommandFailsWithTheList()
    {
        var (exit, output) = DotnetTest.Shell($"dotnet {Ffa} frobnicate", Path.GetTempPath());

        Assert.That(exit, Is.EqualTo(2));
        Assert.That(output, Does.StartWith("ffa: unknown command 'frobnicate'. Accepted:"));
    }

    [Test]
    public void AReportIntoAFolderThatDoesNotExistYetIsWritten()
    {
        var directory = Directory.CreateTempSubdirectory("ffa-cli-").FullName;
        var run = Path.Combine(directory, "run.json");
        Records.RunRecordFile.Write(ReportRuns.Run, run);
        var output = Path.Combine(directory, "not", "yet", "report.html");

        var (exit, text) = DotnetTest.Shell($"dotnet {Ffa} report --out {output} --junit {Path.Combine(directory, "x", "junit.xml")} {run}", directory);

        Assert.That(exit, Is.Zero, text);
        Assert.That(File.ReadAllText(output), Does.StartWith("<!DOCTYPE html>"));
        Assert.That(File.Exists(Path.Combine(directory, "x", RunArtifacts.JunitFile)), Is.True);
    }

    [Test]
    public void TheSameRunGivenTwiceIsOneError()
    {
        var directory = Directory.CreateTempSubdirectory("ffa-cli-").FullName;
        var run = Path.Combine(directory, "run.json");
        var copy = Path.Combine(directory, "copy.json");
        Records.RunRecordFile.Write(ReportRuns.Run, run);
        File.Copy(run, copy);

        var (exit, text) = DotnetTest.Shell($"dotnet {Ffa} report --out {Path.Combine(directory, "r.html")} {run} {copy}", directory);

        Assert.That(exit, Is.EqualTo(2), text);
        Assert.That(text, Does.StartWith($"ffa report: {run} and {copy} are the same run ({ReportRuns.Run.Run.Id}, started ").And.EndWith("accepted: each run once\n"));
    }

    [Test]
    public void RunsStartedInTheSameMinuteAreTwoColumns()
    {
        var directory = Directory.CreateTempSubdirectory("ffa-cli-").FullName;
        var first = Path.Combine(directory, "first.json");
        var second = Path.Combine(directory, "second.json");
        foreach (var (file, started) in new[] { (first, new DateTimeOffset(2026, 12, 1, 10, 0, 5, TimeSpan.Zero)), (second, new DateTimeOffset(2026, 12, 1, 10, 0, 6, TimeSpan.Zero)) })
        {
            Records.RunRecordFile.Write(ReportRuns.Run with { Run = ReportRuns.Run.Run with { Id = $"{started:yyyyMMdd-HHmmss}", Started = started } }, file);
        }

        var (exit, text) = DotnetTest.Shell($"dotnet {Ffa} report --out {Path.Combine(directory, "r.html")} {first} {second}", directory);

        Assert.That(exit, Is.Zero, text);
        Assert.That(text, Does.Contain($"{2 * ReportRuns.Run.Targets.Count} targets"));
    }

    [Test]
    public void AFolderGivenForARunIsOneErrorSayingWhatIsAccepted()
    {
        var directory = Directory.CreateTempSubdirectory("ffa-cli-").FullName;

        var (exit, text) = DotnetTest.Shell($"dotnet {Ffa} report {directory}", directory);

        Assert.That(exit, Is.EqualTo(2), text);
        Assert.That(text, Does.StartWith($"ffa report: {directory} is a folder; accepted: a run.json").And.Contain(Path.Combine(directory, "run.json")));
    }

    [Test]
    public void ACorpusIsRecordedFromARunsRealSecureWorldTargetAndRefusedFromAnyOther()
    {
        var directory = Directory.CreateTempSubdirectory("ffa-cli-").FullName;
        string[] Registers(params string[] first) => [.. first, .. Enumerable.Repeat("0x0", 18 - first.Length)];
        var request = new Records.ProbeCallRecord("DIRECT_REQ_32 to 0x8001, w3 = 0",
            new Records.CallRecord("SMC", "FFA_MSG_SEND_DIRECT_REQ_32", Registers("0x8400006F", "0x8001"), "FFA_MSG_SEND_DIRECT_RESP_32", Registers("0x84000070", "0x80010000", "0x0", "0x1")));
        var version = new Records.ProbeCallRecord("FFA_VERSION(v1.2)", new Records.CallRecord("SMC", "FFA_VERSION", Registers("0x84000063", "0x10002"), "0x00010002", Registers("0x10002")));
        var real = new Records.TargetRecord("real", "qemu", "v1.2", string.Empty, "a.c", null, null, null, null, null, 0, 0, null, true, [version, request]);
        var run = Path.Combine(directory, "run.json");
        Records.RunRecordFile.Write(ReportRuns.Run with { Targets = [.. ReportRuns.Run.Targets, real] }, run);
        var corpus = Path.Combine(directory, "answers.json");

        var (exit, text) = DotnetTest.Shell($"dotnet {Ffa} corpus {run} real some-spmc 'TF-A x' --out {corpus}", directory);
        var (refused, why) = DotnetTest.Shell($"dotnet {Ffa} corpus {run} {ReportRuns.Run.Targets[0].Name} some-spmc 'TF-A x' --out {corpus}", directory);

        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.Zero, text);
            var written = FfaConformance.Generators.Corpus.AnswerCorpus.Parse(File.ReadAllText(corpus), corpus);
            Assert.That(written.Sources.Select(s => (s.SecureWorld, s.Firmware, s.Target, s.Calls.Count)), Is.EqualTo(new[] { ("some-spmc", "TF-A x", "real", 1) }), "only the direct request is kept");
            Assert.That(written.Answers.Single().Answer.Label, Is.EqualTo("DIRECT_RESP_32"));
            Assert.That(refused, Is.EqualTo(2));
            Assert.That(why, Does.Contain($"{ReportRuns.Run.Targets[0].Name} was not answered by a real secure world"));
        });
        Directory.Delete(directory, recursive: true);
    }
}
