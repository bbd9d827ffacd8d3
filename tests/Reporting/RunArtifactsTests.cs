using System.Xml.Linq;
using FfaConformance.Records;
using FfaConformance.Reports;

namespace FfaConformance.Tests.Reporting;

/// <summary>
/// What a run leaves behind: summary.txt, run.json, report.html, junit.xml; the last complete run is kept and
/// is what the next run compares with — a filtered or replayed run never becomes the baseline (item 10). The
/// files are written whole or not at all: one that cannot be written is one error naming it, and leaves the
/// earlier run's files as they were, with no temporary file behind.
/// </summary>
[TestFixture]
[Category("Fast")]
public sealed class RunArtifactsTests
{
    [Test]
    public void ASecondRunComparesWithTheFirstCompleteOne()
    {
        var directory = Directory.CreateTempSubdirectory("ffa-artifacts-").FullName;
        var first = Complete("first");
        RunArtifacts.Write(first, directory, null, null);
        var second = Complete("second");

        var (previous, problem) = RunArtifacts.Previous(directory);
        var written = RunArtifacts.Write(second, directory, previous, problem);

        Assert.Multiple(() =>
        {
            Assert.That(written.Select(Path.GetFileName), Is.EqualTo(new[] { "summary.txt", "run.json", "report.html", "junit.xml", "lava" }));
            Assert.That(RunRecordFile.Read(Path.Combine(directory, "run.json")).Run.Id, Is.EqualTo("second"));
            Assert.That(RunRecordFile.Read(Path.Combine(directory, "last-complete-run.json")).Run.Id, Is.EqualTo("second"));
            Assert.That(File.ReadAllText(Path.Combine(directory, "report.html")), Does.Contain("Baseline: run first"));
            Assert.That(XDocument.Load(Path.Combine(directory, "junit.xml")).Descendants("testcase").Count(), Is.EqualTo(second.Results.Count));
        });
    }

    [Test]
    public void APartialRunIsNeverTheBaseline()
    {
        var directory = Directory.CreateTempSubdirectory("ffa-artifacts-").FullName;
        RunArtifacts.Write(Complete("full"), directory, null, null);
        var partial = Complete("one-rule") with { Run = ReportRuns.Run.Run with { Id = "one-rule", Complete = false }, Results = [ReportRuns.Run.Results[0]] };
        RunArtifacts.Write(partial, directory, RunArtifacts.Previous(directory).Run, null);

        var (previous, _) = RunArtifacts.Previous(directory);

        Assert.That((previous?.Run.Id, RunRecordFile.Read(Path.Combine(directory, "run.json")).Run.Id), Is.EqualTo(("full", "one-rule")));
    }

    [Test]
    public void ACorruptPreviousRunIsReportedAndTheReportStillWritten()
    {
        var directory = Directory.CreateTempSubdirectory("ffa-artifacts-").FullName;
        File.WriteAllText(Path.Combine(directory, "last-complete-run.json"), "{ not json");

        var (previous, problem) = RunArtifacts.Previous(directory);
        RunArtifacts.Write(ReportRuns.Run, directory, previous, problem);

        Assert.That(previous, Is.Null);
        Assert.That(problem, Does.Contain(Path.Combine(directory, "last-complete-run.json")).And.Contain("is not a run record"));
        Assert.That(File.ReadAllText(Path.Combine(directory, "report.html")), Does.Contain("the previous run could not be compared"));
    }

    [Test]
    public void OutputsThatCannotAllBeWrittenLeaveTheEarlierOnesWhole()
    {
        var directory = Directory.CreateTempSubdirectory("ffa-artifacts-").FullName;
        RunArtifacts.Write(Complete("first"), directory, null, null);
        Directory.Delete(Path.Combine(directory, "lava"), recursive: true);
        File.WriteAllText(Path.Combine(directory, "lava"), "a file where the scripts' folder should be");
        var before = Directory.EnumerateFiles(directory).ToDictionary(f => f, File.ReadAllText);

        var error = Assert.Throws<IOException>(() => RunArtifacts.Write(Complete("second"), directory, null, null))!;

        Assert.That(error.Message, Does.StartWith(Path.Combine(directory, "lava", $"{ReportRuns.Run.Targets[0].Name}.sh")).And.Contain("cannot be written"));
        Assert.That(Directory.EnumerateFiles(directory).ToDictionary(f => f, File.ReadAllText), Is.EqualTo(before), "every file as the first run left it, and nothing else");
    }

    private static RunRecord Complete(string id) => ReportRuns.Run with { Run = ReportRuns.Run.Run with { Id = id, Complete = true } };
}
