using FfaConformance.Reports.Text;

namespace FfaConformance.Suite;

/// <summary>Prints the per-rule summary once every conformance test has run.</summary>
[SetUpFixture]
public sealed class RunSummary
{
    [OneTimeTearDown]
    public void Summarise()
    {
        if (!SuiteRun.Started)
        {
            return;
        }

        using var run = SuiteRun.Current;
        TestContext.Progress.WriteLine(SummaryText.Format(run.Results));
    }
}
