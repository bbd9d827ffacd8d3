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
        var summary = SummaryText.Format(run.Results);
        Directory.CreateDirectory(run.Settings.ResultsDirectory);
        var file = Path.Combine(run.Settings.ResultsDirectory, "summary.txt");
        File.WriteAllText(file, summary + Environment.NewLine);
        TestContext.Progress.WriteLine(summary);
        TestContext.Progress.WriteLine($"Summary written to {file}");
    }
}
