using System.Xml.Linq;
using FfaConformance.Reports;
using FfaConformance.Reports.Records;

namespace FfaConformance.Tests.Reporting;

/// <summary>What a run leaves behind: run.json, report.html, junit.xml; the run before is kept and compared with.</summary>
[TestFixture]
public sealed class RunArtifactsTests
{
    [Test]
    public void ASecondRunKeepsTheFirstAsPreviousAndComparesWithIt()
    {
        var directory = Directory.CreateTempSubdirectory("ffa-artifacts-").FullName;
        var first = ReportRuns.Run;
        RunArtifacts.Write(first, directory, null, null);
        var second = first with { Run = first.Run with { Id = "second" } };

        var (previous, problem) = RunArtifacts.Previous(directory);
        var written = RunArtifacts.Write(second, directory, previous, problem);

        Assert.Multiple(() =>
        {
            Assert.That(written.Select(Path.GetFileName), Is.EqualTo(new[] { "run.json", "report.html", "junit.xml" }));
            Assert.That(RunRecordFile.Read(Path.Combine(directory, "run.json")).Run.Id, Is.EqualTo("second"));
            Assert.That(RunRecordFile.Read(Path.Combine(directory, "previous-run.json")).Run.Id, Is.EqualTo(first.Run.Id));
            Assert.That(File.ReadAllText(Path.Combine(directory, "report.html")), Does.Contain($"Baseline: run {first.Run.Id}"));
            Assert.That(XDocument.Load(Path.Combine(directory, "junit.xml")).Descendants("testcase").Count(), Is.EqualTo(second.Results.Count));
        });
    }

    [Test]
    public void ACorruptPreviousRunIsReportedAndTheReportStillWritten()
    {
        var directory = Directory.CreateTempSubdirectory("ffa-artifacts-").FullName;
        File.WriteAllText(Path.Combine(directory, "run.json"), "{ not json");

        var (previous, problem) = RunArtifacts.Previous(directory);
        RunArtifacts.Write(ReportRuns.Run, directory, previous, problem);

        Assert.That(previous, Is.Null);
        Assert.That(problem, Does.Contain(Path.Combine(directory, "run.json")).And.Contain("is not a run record"));
        Assert.That(File.ReadAllText(Path.Combine(directory, "report.html")), Does.Contain("the previous run could not be compared"));
    }
}
