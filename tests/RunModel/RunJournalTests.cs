using FfaConformance.Records;
using FfaConformance.Runner.Engine;
using FfaConformance.Runner.Run;
using FfaConformance.Tests.Reporting;

namespace FfaConformance.Tests.RunModel;

/// <summary>
/// The run's journal: what a stopped run wrote of a target is taken up by the next run of the same build and plan
/// only once that target is admitted with the same digest — finished rules with their results, the interrupted
/// rule after its lost case, or from its failing case when it had failed; a target whose digest changed, another
/// plan and another build start afresh and say so; a line the stop cut short is ignored; a journal another run
/// holds is refused; the journal's size does not grow with the cases; a run that ends leaves none.
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
    public void WhatAStoppedRunWroteIsTakenUpForATargetAdmittedWithTheSameDigest()
    {
        var done = Stop("digest 1");
        File.AppendAllText(file, "{\"target\":\"t\",\"rule\":\"INV-LOST\",\"ca");

        using var resumed = RunJournal.Open(file, "build", "plan A");
        resumed.Admit("t", "digest 1");

        Assert.That(resumed.Notes, Is.EqualTo(new[] { $"{file}: a run of this plan stopped before it ended, having finished 1 rule(s) and begun 2 more" }));
        Assert.That(resumed.Finished("t", done.Rule), Is.EqualTo(done).Using<ResultRecord>((a, b) => a.Rule == b.Rule && a.Verdict == b.Verdict && a.Seed == b.Seed && a.Cases == b.Cases));
        Assert.That(resumed.Interrupted("t", "INV-LOST"), Is.EqualTo(new Resumption("1,3", 1, 2)));
        Assert.That(resumed.Interrupted("t", "INV-FAILED"), Is.EqualTo(new Resumption("5,7", 0, null)));
        Assert.That(resumed.Interrupted("t", "INV-NEVER"), Is.Null);
    }

    [Test]
    public void ATargetAdmittedWithAnotherDigestIsCheckedAgainAndSaysSo()
    {
        var done = Stop("digest 1");

        using (var changed = RunJournal.Open(file, "build", "plan A"))
        {
            changed.Admit("t", "digest 2");

            Assert.That(changed.Finished("t", done.Rule), Is.Null);
            Assert.That(changed.Interrupted("t", "INV-LOST"), Is.Null);
            Assert.That(changed.Notes[^1], Is.EqualTo(
                "t's inputs changed since the run stopped (its source as compiled, build, firmware or kernel, expectations or configuration); its 1 finished and 2 interrupted rule(s) are checked again"));
        }

        // What came before the new digest stays dropped: a third run of the changed target finds nothing of the first.
        using var again = RunJournal.Open(file, "build", "plan A");
        again.Admit("t", "digest 2");
        Assert.That(again.Finished("t", done.Rule), Is.Null);
        Assert.That(again.Interrupted("t", "INV-LOST"), Is.Null);
    }

    [Test]
    public void ATargetThatCannotBeBuiltNowTakesNothingUp()
    {
        var done = Stop("digest 1");

        using var broken = RunJournal.Open(file, "build", "plan A");
        broken.Admit("t", null);

        Assert.That(broken.Finished("t", done.Rule), Is.Null);
        Assert.That(broken.Notes[^1], Does.StartWith("t could not be built now; its 1 finished and 2 interrupted rule(s)"));
    }

    [TestCase("build", "plan B", "was left by a run of another plan (targets, adapters, versions, cases or call budget differ); nothing of it was taken up and a new one was begun")]
    [TestCase("another build", "plan A", "was left by a run of another build of the suite (its code, rules or C harness differ); nothing of it was taken up and a new one was begun")]
    public void AnotherPlanOrBuildOfTheSuiteStartsAfresh(string build, string plan, string says)
    {
        Stop("digest 1");

        using var other = RunJournal.Open(file, build, plan);
        other.Admit("t", "digest 1");

        Assert.That(other.Interrupted("t", "INV-LOST"), Is.Null);
        Assert.That(other.Notes, Is.EqualTo(new[] { $"{file} {says}" }));
    }

    [Test]
    public void AFileThatIsNoJournalIsReplacedAndSaysSo()
    {
        File.WriteAllText(file, "garbage\n");

        IReadOnlyList<string> notes;
        using (var journal = RunJournal.Open(file, "build", "plan A"))
        {
            notes = journal.Notes;
        }

        Assert.That(notes, Is.EqualTo(new[] { $"{file} was not a journal this suite can read (its first line is no header of format 2); a new one was begun" }));
        Assert.That(File.ReadAllText(file), Does.StartWith("{\"journal\":2,\"suite\":\"build\",\"plan\":\"plan A\"}"));
    }

    [Test]
    public void AJournalAnotherRunHoldsIsRefused()
    {
        using var live = RunJournal.Open(file, "build", "plan A");

        Assert.That(() => RunJournal.Open(file, "build", "plan A"), Throws.InstanceOf<IOException>());
    }

    [Test]
    public void ItsSizeDoesNotGrowWithTheCases()
    {
        long After(int cases)
        {
            using var journal = RunJournal.Open(file, "build", $"plan of {cases}");
            journal.Admit("t", "digest");
            var rule = journal.For("t", "INV-X");
            rule.Begin("1,3");
            for (var i = 1; i <= cases; i++)
            {
                rule.Case(i, TimeSpan.Zero);
            }

            return journal.Length;
        }

        var few = After(9);
        var many = After(123_456_789 / 1000);

        Assert.That(many, Is.EqualTo(few + "123456".Length - "9".Length), "only the plan's name differs");
        using var reread = RunJournal.Open(file, "build", "plan of 123456");
        reread.Admit("t", "digest");
        Assert.That(reread.Interrupted("t", "INV-X"), Is.EqualTo(new Resumption("1,3", 123_455, 123_456)));
    }

    [Test]
    public void ARunThatEndsLeavesNone()
    {
        var journal = RunJournal.Open(file, "build", "plan A");
        journal.For("t", "INV-X").Begin("1,3");

        journal.End();

        Assert.That(File.Exists(file), Is.False);
    }

    /// <summary>A run of target t under <paramref name="digest"/> that stopped: one rule finished, one lost in its second case, one failed in its first.</summary>
    private ResultRecord Stop(string digest)
    {
        var done = ReportRuns.Run.Results[0] with { Target = "t" };
        using var stopped = RunJournal.Open(file, "build", "plan A");
        stopped.Admit("t", digest);
        stopped.Done(done);
        var lost = stopped.For("t", "INV-LOST");
        lost.Begin("1,3");
        lost.Case(1, TimeSpan.Zero);
        lost.Case(2, TimeSpan.FromMilliseconds(10));
        var failed = stopped.For("t", "INV-FAILED");
        failed.Begin("5,7");
        failed.Case(1, TimeSpan.Zero);
        failed.Failed(1);
        return done;
    }
}
