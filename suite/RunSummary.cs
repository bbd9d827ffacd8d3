using FfaConformance.Reports;
using FfaConformance.Reports.Text;

namespace FfaConformance.Suite;

/// <summary>
/// Once every conformance test has run: prints the per-rule summary and the run's notes, and writes summary.txt,
/// run.json, the HTML report, JUnit XML and LAVA's scripts, replacing the ones written as the run started. A run
/// whose outputs cannot be written fails in one line naming the file, and its journal goes with it: nothing is
/// left that a later run could take up as finished when nobody could read its results.
/// </summary>
[SetUpFixture]
public sealed class RunSummary
{
    [OneTimeTearDown]
    public void Summarise()
    {
        if (SuiteRun.Current is not { Run: { } run, Settings: { } settings } suite)
        {
            return;
        }

        using (run)
        {
            var record = run.Record();
            var (baseline, problem) = suite.Baseline;
            IReadOnlyList<string> written;
            try
            {
                written = RunArtifacts.Write(record, settings.ResultsDirectory, baseline, problem);
            }
            catch (IOException e)
            {
                run.End();
                TestContext.Progress.WriteLine(SummaryText.Format(record));
                throw new RunOutputsException($"the run's results could not be written, so the run fails and keeps no journal ({settings.Show("Run:ResultsDirectory")}): {e.Message}");
            }

            TestContext.Progress.WriteLine(SummaryText.Format(record));
            TestContext.Progress.WriteLine($"Written: {string.Join(", ", written)}");
            run.End();
        }
    }
}
