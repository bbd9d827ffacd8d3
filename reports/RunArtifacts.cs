using FfaConformance.Reports.Html;
using FfaConformance.Reports.Junit;
using FfaConformance.Reports.Records;

namespace FfaConformance.Reports;

/// <summary>The files a run leaves in its results directory: run.json (the last one kept as previous-run.json), report.html, junit.xml.</summary>
public static class RunArtifacts
{
    public const string RunFile = "run.json";
    public const string PreviousRunFile = "previous-run.json";
    public const string HtmlFile = "report.html";
    public const string JunitFile = "junit.xml";

    /// <summary>The last run in <paramref name="directory"/>, to compare with; a file that cannot be read is reported, not fatal.</summary>
    public static (RunRecord? Run, string? Problem) Previous(string directory)
    {
        var path = Path.Combine(directory, RunFile);
        if (!File.Exists(path))
        {
            return (null, null);
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

    /// <summary>Writes the three files; returns their paths.</summary>
    public static IReadOnlyList<string> Write(RunRecord record, string directory, RunRecord? baseline, string? baselineProblem)
    {
        Directory.CreateDirectory(directory);
        var run = Path.Combine(directory, RunFile);
        if (File.Exists(run))
        {
            File.Move(run, Path.Combine(directory, PreviousRunFile), overwrite: true);
        }

        var html = Path.Combine(directory, HtmlFile);
        var junit = Path.Combine(directory, JunitFile);
        RunRecordFile.Write(record, run);
        File.WriteAllText(html, HtmlReport.Render(record, baseline, baselineProblem));
        File.WriteAllText(junit, JunitReport.Render(record));
        return [run, html, junit];
    }
}
