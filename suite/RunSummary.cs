using FfaConformance.Reports;
using FfaConformance.Reports.Records;
using FfaConformance.Reports.Text;
using FfaConformance.Runner.Configuration;

namespace FfaConformance.Suite;

/// <summary>Once every conformance test has run: prints the per-rule summary and writes run.json, the HTML report and JUnit XML.</summary>
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
        var settings = run.Settings;
        Directory.CreateDirectory(settings.ResultsDirectory);
        var file = Path.Combine(settings.ResultsDirectory, "summary.txt");
        File.WriteAllText(file, summary + Environment.NewLine);
        TestContext.Progress.WriteLine(summary);

        var (host, runtime) = RunRecordBuilder.Environment();
        var info = new RunInfo($"{run.StartedAt:yyyyMMdd-HHmmss}", run.StartedAt, DateTimeOffset.UtcNow, host, runtime, Checkout.Commit(settings.RepositoryRoot),
            settings.Options.MaxTest, settings.Options.CallBudget, settings.SecureWorldVersion.ToString(), settings.Options.Replay);
        var (baseline, problem) = run.Baseline ?? (settings.Baseline == SuiteSettings.PreviousRun ? RunArtifacts.Previous(settings.ResultsDirectory) : (null, null));
        var written = RunArtifacts.Write(RunRecordBuilder.Build(info, run.TargetRuns, run.Results), settings.ResultsDirectory, baseline, problem);
        if (problem is not null)
        {
            TestContext.Progress.WriteLine(problem);
        }

        TestContext.Progress.WriteLine($"Written: {file}, {string.Join(", ", written)}");
    }
}
