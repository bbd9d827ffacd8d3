using FfaConformance.Runner.Records;

namespace FfaConformance.Tests.Reporting;

/// <summary>run.json: what is written is read back whole; anything else is one error naming the file.</summary>
[TestFixture]
[Category("Fast")]
public sealed class RunRecordTests
{
    private static string Scratch(string name) => Path.Combine(Path.GetTempPath(), $"ffa-{Guid.NewGuid():N}-{name}");

    [Test]
    public void ARecordIsReadBackAsWritten()
    {
        var path = Scratch("run.json");
        var written = ReportRuns.Run with { Run = ReportRuns.Run.Run with { Notes = ["a journal was taken up", "no baseline"] } };
        RunRecordFile.Write(written, path);

        var read = RunRecordFile.Read(path);

        Assert.Multiple(() =>
        {
            Assert.That(read.Run with { Notes = [] }, Is.EqualTo(written.Run with { Notes = [] }));
            Assert.That(read.Run.Notes, Is.EqualTo(written.Run.Notes));
            Assert.That(read.Targets, Is.EqualTo(ReportRuns.Run.Targets));
            Assert.That(read.Results.Select(r => (r.Target, r.Rule, r.Verdict, r.Evidence?.ReplayCommand, r.Evidence?.Minimal.Scenario)),
                Is.EqualTo(ReportRuns.Run.Results.Select(r => (r.Target, r.Rule, r.Verdict, r.Evidence?.ReplayCommand, r.Evidence?.Minimal.Scenario))));
            Assert.That(read.Results.SelectMany(r => r.Evidence?.Minimal.Steps.SelectMany(s => s.Calls).SelectMany(c => c.X) ?? []),
                Is.EqualTo(ReportRuns.Run.Results.SelectMany(r => r.Evidence?.Minimal.Steps.SelectMany(s => s.Calls).SelectMany(c => c.X) ?? [])));
        });
    }

    [TestCase("{ \"format\": \"ffa-conformance-run/2\", \"run\": ", "is not a run record")]
    [TestCase("{ \"format\": \"ffa-conformance-run/2\", \"run\": null, \"rules\": [], \"targets\": [], \"results\": [] }", "is not a run record")]
    [TestCase("[1, 2, 3]", "has format ''")]
    [TestCase("{ \"format\": \"other/1\", \"run\": { \"id\": \"x\", \"started\": \"2026-01-01T00:00:00Z\", \"finished\": \"2026-01-01T00:00:00Z\", \"host\": \"h\", \"runtime\": \"r\", \"maxTest\": 1, \"callBudget\": 16, \"secureWorldVersion\": \"v1.3\" }, \"rules\": [], \"targets\": [], \"results\": [] }", "has format 'other/1'")]
    public void ACorruptFileIsOneErrorNamingIt(string content, string says)
    {
        var path = Scratch("corrupt.json");
        File.WriteAllText(path, content);

        var error = Assert.Throws<InvalidDataException>(() => RunRecordFile.Read(path));

        Assert.That(error!.Message, Does.StartWith(path).And.Contain(says).And.Contain("accepted: a run.json written by a FfaConformance run"));
    }

    [Test]
    public void AMissingFileIsOneErrorNamingIt()
    {
        var path = Scratch("absent.json");

        Assert.That(Assert.Throws<InvalidDataException>(() => RunRecordFile.Read(path))!.Message, Does.StartWith($"{path} does not exist"));
    }
}
