using FfaConformance.Records;
using FfaConformance.Reports.History;
using FfaConformance.Reports.Html;

namespace FfaConformance.Tests.Reporting;

/// <summary>
/// The nightly view: through a series of runs, each target × rule's verdicts night by night, since when it is red,
/// when it was last green and whether it is flaky — whatever order the run files are given in; the page lists the
/// rules that were ever red, with their text escaped.
/// </summary>
[TestFixture]
[Category("Fast")]
public sealed class RunSeriesTests
{
    private static readonly Verdict?[] Regressed = [Verdict.Passed, Verdict.Passed, Verdict.Failed, Verdict.Failed];
    private static readonly Verdict?[] Alternating = [Verdict.Passed, Verdict.Failed, Verdict.Passed, Verdict.Failed];
    private static readonly Verdict?[] Known = [Verdict.ExpectedFailure, Verdict.ExpectedFailure, Verdict.ExpectedFailure, Verdict.ExpectedFailure];
    private static readonly Verdict?[] FixedThenSkipped = [Verdict.Failed, Verdict.Passed, Verdict.Skipped, null];

    [Test]
    public void EachRulesHistoryIsReadNightByNight()
    {
        var series = RunSeries.Of([.. Nights().Reverse()]);

        RuleHistory Of(string rule) => series.Rules.Single(r => r.Target == "board" && r.Rule == rule);
        Assert.Multiple(() =>
        {
            Assert.That(series.Runs.Select(r => r.Id), Is.EqualTo(new[] { "n0", "n1", "n2", "n3" }));
            Assert.That(Of("INV-A").Verdicts, Is.EqualTo(Regressed));
            Assert.That((Of("INV-A").RedNow, Of("INV-A").FirstFailure, Of("INV-A").LastGreen, Of("INV-A").Flaky), Is.EqualTo((true, (int?)2, (int?)1, false)));
            Assert.That((Of("INV-B").RedNow, Of("INV-B").FirstFailure, Of("INV-B").LastGreen, Of("INV-B").Flaky), Is.EqualTo((true, (int?)3, (int?)2, true)));
            Assert.That((Of("INV-C").RedNow, Of("INV-C").FirstFailure, Of("INV-C").LastGreen, Of("INV-C").Flaky), Is.EqualTo((false, (int?)null, (int?)3, false)));
            Assert.That((Of("INV-D").RedNow, Of("INV-D").FirstFailure, Of("INV-D").LastGreen, Of("INV-D").Flaky), Is.EqualTo((false, (int?)null, (int?)1, false)));
            Assert.That(series.Summary, Is.EqualTo("history of 4 runs: 3 target × rule red in their last run, 1 flaky, 2 green"));
        });
    }

    [Test]
    public void ThePageListsWhatWasEverRedWithItsTextEscaped()
    {
        var nights = Nights();
        var series = RunSeries.Of(nights);

        var html = HtmlReport.Render(nights[^1], series: series);

        var history = html[html.IndexOf("<section id=\"history\">", StringComparison.Ordinal)..];
        history = history[..(history.IndexOf("</section>", StringComparison.Ordinal) + "</section>".Length)];
        Assert.That(history, Does.Contain("<code>INV-A</code>").And.Contain("<code>INV-B</code>").And.Contain("<code>INV-D</code>").And.Not.Contain("<code>INV-C</code>"));
        Assert.That(history, Does.Contain("flaky").And.Contain("1 target × rule were never red"));
        Assert.That(history, Does.Not.Contain("<script>").And.Contain("&lt;script&gt;"));
    }

    /// <summary>Four nights of one target, "board", and one more whose name is hostile, from the report tests' real run.</summary>
    private static RunRecord[] Nights()
    {
        var template = ReportRuns.Run;
        var start = new DateTimeOffset(2026, 11, 25, 2, 0, 0, TimeSpan.Zero);
        return [.. Enumerable.Range(0, 4).Select(night =>
        {
            var results = new List<ResultRecord>();
            foreach (var (rule, verdicts) in new[] { ("INV-A", Regressed), ("INV-B", Alternating), ("INV-C", Known), ("INV-D", FixedThenSkipped) })
            {
                if (verdicts[night] is { } verdict)
                {
                    results.Add(template.Results[0] with { Target = "board", Rule = rule, Verdict = verdict });
                }
            }

            results.Add(template.Results[0] with { Target = "<script>x</script>", Rule = "INV-A", Verdict = Verdict.Failed });
            return template with
            {
                Run = template.Run with { Id = $"n{night}", Started = start.AddDays(night), Finished = start.AddDays(night).AddHours(1) },
                Results = results,
            };
        })];
    }
}
