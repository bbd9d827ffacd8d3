using System.Xml.Linq;
using FfaConformance.Records;
using FfaConformance.Reports.Junit;

namespace FfaConformance.Tests.Reporting;

/// <summary>JUnit XML: one suite per target, one case per rule, the properties dashboards need, and valid XML whatever the text.</summary>
[TestFixture]
[Category("Fast")]
public sealed class JunitReportTests
{
    [Test]
    public void EachRuleIsACaseWithRuleTargetSeedAndReplayAsProperties()
    {
        var run = ReportRuns.Run;

        var xml = XDocument.Parse(JunitReport.Render(run));

        var cases = xml.Descendants("testcase").ToArray();
        Assert.That(cases, Has.Length.EqualTo(run.Results.Count));
        Assert.Multiple(() =>
        {
            Assert.That(xml.Root!.Elements("testsuite").Select(s => (string?)s.Attribute("name")), Is.EqualTo(run.Targets.Select(t => t.Name)));
            foreach (var (element, result) in cases.Zip(run.Results))
            {
                var properties = element.Element("properties")!.Elements("property").ToDictionary(p => (string)p.Attribute("name")!, p => (string)p.Attribute("value")!);
                Assert.That((properties["rule"], properties["target"], properties["seed"]), Is.EqualTo((result.Rule, result.Target, result.Seed)));
                Assert.That(properties.GetValueOrDefault("replay"), Is.EqualTo(result.Evidence?.ReplayCommand));
            }
        });
    }

    [Test]
    public void UnexpectedResultsFailExpectedFailuresPassAndSkipsSayWhy()
    {
        var run = ReportRuns.Run;

        var cases = XDocument.Parse(JunitReport.Render(run)).Descendants("testcase").Zip(run.Results).ToArray();

        Assert.Multiple(() =>
        {
            foreach (var (element, result) in cases)
            {
                var shape = (element.Element("failure") is not null, element.Element("skipped") is not null);
                var expected = result.Verdict switch
                {
                    Verdict.Failed or Verdict.UnexpectedPass or Verdict.ExpiredExpectation or Verdict.StaleExpectation or Verdict.CoverageGap => (true, false),
                    Verdict.Skipped => (false, true),
                    _ => (false, false),
                };
                Assert.That(shape, Is.EqualTo(expected), $"{result.Target}/{result.Rule} ({result.Verdict})");
            }
        });
        Assert.That(cases.Count(c => c.First.Element("failure") is not null), Is.GreaterThan(0), "the mutant run has failures");
        Assert.That(cases.Count(c => c.Second.Verdict == Verdict.ExpectedFailure), Is.EqualTo(1));
    }

    [Test]
    public void HostileTextStaysValidXml()
    {
        var xml = JunitReport.Render(Hostile.Of(ReportRuns.Run));

        var document = XDocument.Parse(xml);

        Assert.That(document.Descendants("testsuite").First().Attribute("name")!.Value, Does.Contain(Hostile.Script).And.Contain("nul\\x00 bell\\x07"));
    }
}
