using FfaConformance.Records;

namespace FfaConformance.Tests.Reporting;

/// <summary>run.json: what is written is read back whole; anything else is one error naming the file.</summary>
[TestFixture]
[Category("Fast")]
public sealed class RunRecordTests
{
    private static readonly string Folder = Directory.CreateTempSubdirectory("ffa-run-record-").FullName;

    [OneTimeTearDown]
    public void RemoveScratch() => Directory.Delete(Folder, recursive: true);

    private static string Scratch(string name) => Path.Combine(Folder, $"{Guid.NewGuid():N}-{name}");

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

    [Test]
    public void EachTargetKeepsTheCasesPerRuleItWasCheckedWith()
    {
        var run = ReportRuns.Run;
        var passed = run.Results.Where(r => r.Outcome == RuleOutcome.Passed).ToArray();

        Assert.Multiple(() =>
        {
            Assert.That(run.Targets.ToDictionary(t => t.Name, t => t.MaxTest), Is.EqualTo(new Dictionary<string, int?>
            {
                ["reference"] = ReportRuns.ReferenceMaxTest,
                ["accepts-other-width"] = ReportRuns.RunMaxTest,
                ["success-completes"] = ReportRuns.RunMaxTest,
            }));
            Assert.That(passed.Where(r => r.Target == "reference").Select(r => r.Cases).Distinct(), Is.EqualTo(new[] { ReportRuns.ReferenceMaxTest }));
            Assert.That(passed.Where(r => r.Target != "reference").Select(r => r.Cases).Distinct(), Is.EqualTo(new[] { ReportRuns.RunMaxTest }));
        });
    }

    [Test]
    public void ARecordFromBeforeTargetsKeptTheirCasesPerRuleIsReadAndMergedWithTheRunsCases()
    {
        var path = Scratch("run.json");
        var json = System.Text.Json.Nodes.JsonNode.Parse(RunRecordFile.Text(ReportRuns.Run))!;
        foreach (var target in json["targets"]!.AsArray())
        {
            target!.AsObject().Remove("maxTest");
        }

        File.WriteAllText(path, json.ToJsonString());

        var read = RunRecordFile.Read(path);
        var merged = Reports.Merge.RunMerge.Merge([read, ReportRuns.Run]);

        Assert.Multiple(() =>
        {
            Assert.That(read.Targets.Select(t => t.MaxTest), Is.All.Null);
            Assert.That(merged.Targets.Select(t => t.MaxTest), Is.EqualTo(
                read.Targets.Select(_ => (int?)ReportRuns.RunMaxTest).Concat(ReportRuns.Run.Targets.Select(t => t.MaxTest))));
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
