using FfaConformance.Records;
using FfaConformance.Reports.Diff;
using FfaConformance.Reports.Merge;

namespace FfaConformance.Tests.Reporting;

/// <summary>Baseline diffs and merges, on a real run and copies of it changed one way each.</summary>
[TestFixture]
[Category("Fast")]
public sealed class BaselineDiffTests
{
    [Test]
    public void ARunComparedWithItselfHasNoChanges() =>
        Assert.That(BaselineDiff.Compare(ReportRuns.Run, ReportRuns.Run), Is.Empty);

    [Test]
    public void NewFailuresFixesAndChangedCounterexamplesAreEachFound()
    {
        var run = ReportRuns.Run;
        var failing = run.Results.Where(r => r.Outcome == RuleOutcome.Failed && r.Evidence is not null).ToArray();
        var (newlyFailing, changed) = (failing[0], failing[1]);
        var nowPassing = run.Results.First(r => r.Outcome == RuleOutcome.Passed);
        var baseline = run with
        {
            Results = [.. run.Results.Select(r =>
                r == newlyFailing ? r with { Outcome = RuleOutcome.Passed, Evidence = null }
                : r == nowPassing ? r with { Outcome = RuleOutcome.Failed, Evidence = newlyFailing.Evidence }
                : r == changed ? r with { Evidence = r.Evidence! with { Minimal = r.Evidence.Minimal with { Scenario = "boot: something else" } } }
                : r)],
        };

        var changes = BaselineDiff.Compare(baseline, run);

        Assert.That(changes.Select(c => (c.Target, c.Rule, c.Kind)), Is.EquivalentTo(new[]
        {
            (newlyFailing.Target, newlyFailing.Rule, ChangeKind.NewFailure),
            (nowPassing.Target, nowPassing.Rule, ChangeKind.Fixed),
            (changed.Target, changed.Rule, ChangeKind.ChangedCounterexample),
        }));
    }

    [Test]
    public void MergingTwoNightsOfOneTargetKeepsAColumnPerNight()
    {
        var night = ReportRuns.Run;
        var nextNight = night with { Run = night.Run with { Id = "next", Started = night.Run.Started.AddDays(1), Finished = night.Run.Finished.AddDays(1) } };

        var merged = RunMerge.Merge([night, nextNight]);

        Assert.That(merged.Targets, Has.Count.EqualTo(2 * night.Targets.Count));
        Assert.That(merged.Targets.Select(t => t.Name).Distinct().Count(), Is.EqualTo(merged.Targets.Count));
        Assert.That(merged.Results.Select(r => r.Target).Distinct(), Is.EquivalentTo(merged.Targets.Select(t => t.Name)));
        Assert.That(merged.Targets[0].Name, Does.StartWith($"{night.Targets[0].Name} @ "));
    }

    [Test]
    public void MergingRunsOfDifferentTargetsKeepsTheirNames()
    {
        var run = ReportRuns.Run;
        var first = run with { Targets = [run.Targets[0]], Results = [.. run.Results.Where(r => r.Target == run.Targets[0].Name)] };
        var second = run with { Targets = [run.Targets[1]], Results = [.. run.Results.Where(r => r.Target == run.Targets[1].Name)] };

        var merged = RunMerge.Merge([first, second]);

        Assert.That(merged.Targets.Select(t => t.Name), Is.EqualTo(new[] { run.Targets[0].Name, run.Targets[1].Name }));
    }
}
