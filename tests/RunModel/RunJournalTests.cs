using FfaConformance.Runner.Run;
using FfaConformance.Tests.Reporting;

namespace FfaConformance.Tests.RunModel;

/// <summary>
/// The run's journal: what a run that stopped wrote is taken up by the next run of the same plan — finished rules
/// with their results, the interrupted rule after its lost case, or from its failing case when it had failed — and
/// by no other plan; a line the stop cut short is ignored; a journal another run is writing is left alone; a run
/// that ends leaves none.
/// </summary>
[TestFixture]
[Category("Fast")]
public sealed class RunJournalTests
{
    private string file = string.Empty;

    [SetUp]
    public void Folder() => file = Path.Combine(Directory.CreateTempSubdirectory("ffa-journal-").FullName, "journal.jsonl");

    [TearDown]
    public void Remove() => Directory.Delete(Path.GetDirectoryName(file)!, recursive: true);

    [Test]
    public void WhatAStoppedRunWroteIsTakenUpByTheSamePlan()
    {
        var done = ReportRuns.Run.Results[0];
        using (var stopped = RunJournal.Open(file, "plan A")!)
        {
            stopped.Done(done);
            var lost = stopped.For("t", "INV-LOST");
            lost.Begin("1,3");
            lost.Case(1, TimeSpan.Zero);
            lost.Case(2, TimeSpan.FromMilliseconds(10));
            var failed = stopped.For("t", "INV-FAILED");
            failed.Begin("5,7");
            failed.Case(1, TimeSpan.Zero);
            failed.Failed(1);
        }

        File.AppendAllText(file, "{\"target\":\"t\",\"rule\":\"INV-LOST\",\"ca");
        using var resumed = RunJournal.Open(file, "plan A")!;
        Assert.That(resumed.Note, Is.EqualTo($"{file}: a run of this plan stopped before it ended; taken up: 1 finished rule(s), 2 interrupted"));

        Assert.That(resumed.Finished(done.Target, done.Rule), Is.EqualTo(done).Using<Runner.Records.ResultRecord>((a, b) => a.Rule == b.Rule && a.Verdict == b.Verdict && a.Seed == b.Seed && a.Cases == b.Cases));
        Assert.That(resumed.Interrupted("t", "INV-LOST"), Is.EqualTo(new Runner.Engine.Resumption("1,3", 1, 2)));
        Assert.That(resumed.Interrupted("t", "INV-FAILED"), Is.EqualTo(new Runner.Engine.Resumption("5,7", 0, null)));
        Assert.That(resumed.Interrupted("t", "INV-NEVER"), Is.Null);
    }

    [Test]
    public void AnotherPlanStartsAfresh()
    {
        using (var stopped = RunJournal.Open(file, "plan A")!)
        {
            stopped.For("t", "INV-LOST").Begin("1,3");
        }

        using var other = RunJournal.Open(file, "plan B")!;

        Assert.That(other.Interrupted("t", "INV-LOST"), Is.Null);
        Assert.That(other.Note, Is.EqualTo($"{file} was left by a run of another plan (targets, versions, cases or call budget differ); a new one was begun"));
    }

    [Test]
    public void AFileThatIsNoJournalIsReplacedAndSaysSo()
    {
        File.WriteAllText(file, "garbage\n");

        string? note;
        using (var journal = RunJournal.Open(file, "plan A")!)
        {
            note = journal.Note;
        }

        Assert.That(note, Is.EqualTo($"{file} was not a journal this suite can read (its first line is no header); a new one was begun"));
        Assert.That(File.ReadAllText(file), Does.StartWith("{\"journal\":1,\"plan\":\"plan A\"}"));
    }

    [Test]
    public void AJournalAnotherRunIsWritingIsLeftAlone()
    {
        using var live = RunJournal.Open(file, "plan A")!;
        live.For("t", "INV-LIVE").Begin("1,3");

        Assert.That(RunJournal.Open(file, "plan A"), Is.Null);
    }

    [Test]
    public void ARunThatEndsLeavesNone()
    {
        var journal = RunJournal.Open(file, "plan A")!;
        journal.For("t", "INV-X").Begin("1,3");

        journal.End();

        Assert.That(File.Exists(file), Is.False);
    }
}
