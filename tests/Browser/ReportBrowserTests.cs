using FfaConformance.Records;
using FfaConformance.Reports.Html;
using FfaConformance.Tests.Native;
using FfaConformance.Tests.Reporting;
using Microsoft.Playwright;

namespace FfaConformance.Tests.Browser;

/// <summary>
/// The HTML report in a real browser: it loads without console errors, the filters work, a failing cell opens
/// its evidence with the trace, and hostile text in every field shows as text and runs nothing. A screenshot
/// of the page with an evidence panel open is kept as a test artefact.
/// </summary>
[TestFixture]
[Category("Browser")]
public sealed class ReportBrowserTests
{
    private static readonly string Artifacts = Path.Combine(NativeTargets.Root, "artifacts", "results", "browser");
    private IPlaywright? playwright;
    private IBrowser? browser;

    [OneTimeSetUp]
    public async Task Start() => (playwright, browser) = await Chromium.Launch();

    [OneTimeTearDown]
    public async Task Stop()
    {
        if (browser is not null)
        {
            await browser.DisposeAsync();
        }

        playwright?.Dispose();
    }

    [Test]
    public async Task TheReportLoadsWithoutConsoleErrors()
    {
        var errors = new List<string>();

        var page = await Chromium.Open(browser!, Write("report", HtmlReport.Render(ReportRuns.Run)), errors);

        Assert.That(errors, Is.Empty);
        Assert.That(await page.Locator("#matrix tr.rule").CountAsync(), Is.EqualTo(ReportRuns.Run.Rules.Count));
        Assert.That(await page.Locator("#matrix td[data-verdict]").CountAsync(), Is.EqualTo(ReportRuns.Run.Results.Count));
    }

    [Test]
    public async Task FilteringByTargetRuleAndOutcomeShowsOnlyWhatMatches()
    {
        var run = ReportRuns.Run;
        var page = await Chromium.Open(browser!, Write("filters", HtmlReport.Render(run)), []);
        var target = run.Targets[1].Name;

        await page.SelectOptionAsync("#f-target", target);
        var columns = await page.Locator("#matrix thead th[data-col]:visible").AllTextContentsAsync();
        await page.FillAsync("#f-rule", "inv-errno");
        var byRule = await VisibleRules(page);
        await page.FillAsync("#f-rule", string.Empty);
        await page.SelectOptionAsync("#f-outcome", "ExpectedFailure");
        var byOutcome = await VisibleRules(page);

        Assert.Multiple(() =>
        {
            Assert.That(columns, Is.EqualTo(new[] { target }));
            Assert.That(byRule, Is.EquivalentTo(run.Rules.Select(r => r.Id).Where(id => id.StartsWith("INV-ERRNO", StringComparison.Ordinal))));
            Assert.That(byOutcome, Is.EquivalentTo(run.Results.Where(r => r.Target == target && r.Verdict == Verdict.ExpectedFailure).Select(r => r.Rule)));
        });
    }

    [Test]
    public async Task AFailingCellOpensItsEvidenceWithTheTrace()
    {
        var run = ReportRuns.Run;
        var failing = run.Results.First(r => r.Verdict == Verdict.Failed && r.Evidence is not null);
        var page = await Chromium.Open(browser!, Write("evidence", HtmlReport.Render(run)), []);
        var row = Row(page, failing.Rule);
        var cell = row.Locator($"td[data-verdict=\"Failed\"][data-col=\"{failing.Target}\"] button");

        await cell.ClickAsync();

        var panel = page.Locator(".panel.result:visible");
        Assert.That(await panel.CountAsync(), Is.EqualTo(1));
        await Assert.MultipleAsync(async () =>
        {
            Assert.That(await panel.Locator("h3").TextContentAsync(), Does.Contain(failing.Rule).And.Contain(failing.Target));
            Assert.That(await panel.Locator("table.trace").CountAsync(), Is.EqualTo(failing.Evidence!.Minimal.Steps.Count + 1));
            Assert.That(await panel.Locator("pre.scenario").TextContentAsync(), Is.EqualTo(failing.Evidence.Minimal.Scenario));
            Assert.That(await panel.Locator("pre[id^=replay]").TextContentAsync(), Is.EqualTo(failing.Evidence.ReplayCommand));
        });
        Directory.CreateDirectory(Artifacts);
        var screenshot = Path.Combine(Artifacts, "report-evidence.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot, FullPage = false });
        TestContext.AddTestAttachment(screenshot, "the report with an evidence panel open");
    }

    [Test]
    public async Task APassingCellOpensTheChartsOfWhatWasGenerated()
    {
        var run = ReportRuns.Run;
        var passing = run.Results.First(r => r.Verdict == Verdict.Passed && r.Classes.Count > 2);
        var page = await Chromium.Open(browser!, Write("coverage", HtmlReport.Render(run)), []);
        var row = Row(page, passing.Rule);

        await row.Locator($"td[data-col=\"{passing.Target}\"] button").ClickAsync();

        var panel = page.Locator(".panel.result:visible");
        Assert.That(await panel.Locator("svg rect").CountAsync(), Is.EqualTo(passing.Classes.Count + passing.MissingClasses.Count(m => !passing.Classes.ContainsKey(m))));
        Assert.That(await panel.Locator("svg text").AllTextContentsAsync(), Is.SupersetOf(passing.Classes.Keys));
    }

    [Test]
    public async Task HostileTextIsShownAsTextAndRunsNothing()
    {
        var hostile = Hostile.Of(ReportRuns.Run);
        var errors = new List<string>();
        var page = await Chromium.Open(browser!, Write("hostile", HtmlReport.Render(hostile)), errors);

        await page.SelectOptionAsync("#f-target", new SelectOptionValue { Index = 1 });
        foreach (var button in await page.Locator("#matrix td[data-verdict] button:visible").AllAsync())
        {
            await button.HoverAsync();
        }

        await page.Locator("#matrix td[data-verdict] button:visible").First.ClickAsync();
        var pwned = await page.EvaluateAsync<bool>("() => 'pwned' in window");
        var body = await page.Locator("body").InnerTextAsync();

        Assert.Multiple(() =>
        {
            Assert.That(pwned, Is.False, "hostile text ran as script");
            Assert.That(errors, Is.Empty);
            Assert.That(body, Does.Contain(Hostile.Script), "the markup is shown as text");
            Assert.That(body, Does.Contain("nul\\x00 bell\\x07 esc\\x1B[31m"), "control characters are shown escaped");
            Assert.That(body, Does.Contain(Hostile.Attribute.Trim()), "quotes are shown as text");
            Assert.That(body, Does.Contain($"a note {Hostile.Script}"), "the run's notes are shown, as text");
        });
    }

    [Test]
    public async Task EachTargetShowsTheCasesPerRuleItWasCheckedWith()
    {
        var run = ReportRuns.Run;
        var page = await Chromium.Open(browser!, Write("targets", HtmlReport.Render(run)), []);
        var headers = await page.Locator("#metadata h3 + table thead th").AllTextContentsAsync();
        var column = Array.IndexOf([.. headers], "cases per rule") + 1;
        Assert.That(column, Is.GreaterThan(0), "the targets table has a column 'cases per rule'");

        var shown = new Dictionary<string, string>();
        foreach (var row in await page.Locator("#metadata h3 + table tbody tr").AllAsync())
        {
            shown[await row.Locator("td:nth-child(1)").InnerTextAsync()] = await row.Locator($"td:nth-child({column})").InnerTextAsync();
        }

        Assert.That(shown, Is.EqualTo(run.Targets.ToDictionary(
            t => t.Name,
            t => (t.Name == "reference" ? ReportRuns.ReferenceMaxTest : ReportRuns.RunMaxTest).ToString(System.Globalization.CultureInfo.InvariantCulture))));
    }

    /// <summary>
    /// At 1400 px, a night of eight targets: no word of a target's header or a rule's level is broken across
    /// lines ("SHOUL D", "emulato r"); a header may wrap only between words or after a hyphen.
    /// </summary>
    [Test]
    public async Task AtANormalWidthNoHeaderOrLevelIsBrokenInsideAWord()
    {
        string[] names = ["emulator", "c-reference", "c-reference-qemu", "c-reference-qemu-elf", "seed", "seed-qemu", "linux", "edk2-ArmFfaLib"];
        var reference = ReportRuns.Run.Results.Where(r => r.Target == "reference").ToArray();
        var night = ReportRuns.Run with
        {
            Targets = [.. names.Select(n => ReportRuns.Run.Targets[0] with { Name = n })],
            Results = [.. names.SelectMany(n => reference.Select(r => r with { Target = n }))],
        };
        var page = await Chromium.Open(browser!, Write("width", HtmlReport.Render(night)), []);

        var broken = await page.EvaluateAsync<string[]>(
            """
            () => [...document.querySelectorAll('#matrix thead th, #matrix td.level')].flatMap(cell => {
              const text = cell.firstChild;
              if (!text || text.nodeType !== Node.TEXT_NODE) return [];
              return [...text.textContent.matchAll(/[^\s-]+-?/g)].filter(word => {
                const range = document.createRange();
                range.setStart(text, word.index);
                range.setEnd(text, word.index + word[0].length);
                return new Set([...range.getClientRects()].map(r => Math.round(r.top))).size > 1;
              }).map(word => `${cell.tagName.toLowerCase()} '${text.textContent}': '${word[0]}'`);
            })
            """);
        var levels = await page.Locator("#matrix td.level").AllTextContentsAsync();

        Assert.Multiple(() =>
        {
            Assert.That(broken, Is.Empty, "words broken across lines");
            Assert.That(levels, Does.Contain("SHOULD"), "the run has a SHOULD rule to show");
        });
    }

    private static ILocator Row(IPage page, string rule) => page.Locator($"#matrix tr.rule[data-search^=\"{rule.ToLowerInvariant()} \"]");

    private static async Task<string[]> VisibleRules(IPage page) =>
        [.. (await page.Locator("#matrix tr.rule:visible td:first-child").AllTextContentsAsync()).Select(t => t.Trim())];

    private static string Write(string name, string html)
    {
        Directory.CreateDirectory(Artifacts);
        var file = Path.Combine(Artifacts, $"{name}.html");
        File.WriteAllText(file, html);
        return file;
    }
}
