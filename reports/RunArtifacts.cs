using FfaConformance.Reports.Html;
using FfaConformance.Reports.Junit;
using FfaConformance.Reports.Lava;
using FfaConformance.Reports.Text;
using FfaConformance.Runner.Records;

namespace FfaConformance.Reports;

/// <summary>
/// The files a run leaves in its results directory: summary.txt, run.json, report.html, junit.xml and, for LAVA,
/// lava/&lt;target&gt;.sh, all made from the one run record. A complete run (every rule of every selected target, fresh seeds) is also kept as
/// last-complete-run.json, the baseline "previous" names: a filtered or replayed run is never compared against.
/// </summary>
public static class RunArtifacts
{
    public const string SummaryFile = "summary.txt";
    public const string RunFile = "run.json";
    public const string LastCompleteRunFile = "last-complete-run.json";
    public const string HtmlFile = "report.html";
    public const string JunitFile = "junit.xml";

    /// <summary>The last complete run in <paramref name="directory"/>, to compare with; a file that cannot be read is reported, not fatal.</summary>
    public static (RunRecord? Run, string? Problem) Previous(string directory)
    {
        var path = Path.Combine(directory, LastCompleteRunFile);
        if (!File.Exists(path))
        {
            return (null, "No complete run was found in the results directory to compare with.");
        }

        try
        {
            return (RunRecordFile.Read(path), null);
        }
        catch (InvalidDataException e)
        {
            return (null, $"the previous run could not be compared: {e.Message}");
        }
    }

    /// <summary>Writes the files; returns their paths.</summary>
    public static IReadOnlyList<string> Write(RunRecord record, string directory, RunRecord? baseline, string? baselineProblem)
    {
        Directory.CreateDirectory(directory);
        var summary = Path.Combine(directory, SummaryFile);
        var run = Path.Combine(directory, RunFile);
        var html = Path.Combine(directory, HtmlFile);
        var junit = Path.Combine(directory, JunitFile);
        File.WriteAllText(summary, SummaryText.Format(record) + Environment.NewLine);
        RunRecordFile.Write(record, run);
        File.WriteAllText(html, HtmlReport.Render(record, baseline, baselineProblem));
        File.WriteAllText(junit, JunitReport.Render(record));
        // A script left by an earlier run of other targets would be taken for this run's.
        var lava = Directory.CreateDirectory(Path.Combine(directory, LavaTestCases.Folder)).FullName;
        foreach (var stale in Directory.EnumerateFiles(lava, "*.sh"))
        {
            File.Delete(stale);
        }

        foreach (var target in record.Targets)
        {
            File.WriteAllText(Path.Combine(lava, $"{target.Name}.sh"), LavaTestCases.Render(record, target.Name));
        }

        if (record.Run.Complete)
        {
            File.Copy(run, Path.Combine(directory, LastCompleteRunFile), overwrite: true);
        }

        return [summary, run, html, junit, lava];
    }
}
