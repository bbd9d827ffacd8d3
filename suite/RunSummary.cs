using FfaConformance.Reports;
using FfaConformance.Reports.Text;

namespace FfaConformance.Suite;

/// <summary>Once every conformance test has run: prints the per-rule summary and writes summary.txt, run.json, the HTML report and JUnit XML.</summary>
[SetUpFixture]
public sealed class RunSummary
{
    [OneTimeTearDown]
    public void Summarise()
    {
        if (!SuiteRun.Started || SuiteRun.Current is not { Run: { } run, Settings: { } settings } suite)
        {
            return;
        }

        using (run)
        {
            var record = run.Record();
            var (baseline, problem) = suite.Baseline;
            var written = RunArtifacts.Write(record, settings.ResultsDirectory, baseline, problem);
            TestContext.Progress.WriteLine(SummaryText.Format(record));
            if (problem is not null)
            {
                TestContext.Progress.WriteLine(problem);
            }

            if (run.JournalNote is { } note)
            {
                TestContext.Progress.WriteLine(note);
            }

            TestContext.Progress.WriteLine($"Written: {string.Join(", ", written)}");
            run.End();
        }
    }
}
