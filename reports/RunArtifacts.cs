using FfaConformance.Records;
using FfaConformance.Reports.Html;
using FfaConformance.Reports.Junit;
using FfaConformance.Reports.Lava;
using FfaConformance.Reports.Text;

namespace FfaConformance.Reports;

/// <summary>
/// The files a run leaves in its results directory: summary.txt, run.json, report.html, junit.xml and, for LAVA,
/// lava/&lt;target&gt;.sh, all made from the one run record. A complete run (every rule of every selected target, fresh seeds) is also kept as
/// last-complete-run.json, the baseline "previous" names: a filtered or replayed run is never compared against.
/// Each file is written beside its place under a name of this process's own and then renamed over it, so a reader
/// sees a whole file of one run or the other, never a mix, and two runs never write through one temporary name.
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

    /// <summary>
    /// Writes the files, all of them or, as far as renames allow, none; returns their paths. <see cref="IOException"/>
    /// naming the file when one cannot be written.
    /// </summary>
    public static IReadOnlyList<string> Write(RunRecord record, string directory, RunRecord? baseline, string? baselineProblem)
    {
        var summary = Path.Combine(directory, SummaryFile);
        var run = Path.Combine(directory, RunFile);
        var html = Path.Combine(directory, HtmlFile);
        var junit = Path.Combine(directory, JunitFile);
        var lava = Path.Combine(directory, LavaTestCases.Folder);
        var json = RunRecordFile.Text(record);
        var files = new List<(string Path, string Text)>
        {
            (summary, SummaryText.Format(record) + Environment.NewLine),
            (run, json),
            (html, HtmlReport.Render(record, baseline, baselineProblem)),
            (junit, JunitReport.Render(record)),
        };
        files.AddRange(record.Targets.Select(t => (Path.Combine(lava, $"{t.Name}.sh"), LavaTestCases.Render(record, t.Name))));
        if (record.Run.Complete)
        {
            files.Add((Path.Combine(directory, LastCompleteRunFile), json));
        }

        WriteAll(files);

        // A script left by an earlier run of other targets would be taken for this run's.
        var scripts = files.Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
        Attempt(lava, () => Directory.CreateDirectory(lava));
        foreach (var stale in Directory.EnumerateFiles(lava, "*.sh").Where(f => !scripts.Contains(f)))
        {
            Attempt(stale, () => File.Delete(stale));
        }

        return [summary, run, html, junit, lava];
    }

    /// <summary>Every file to a temporary name beside it, then every one renamed into place; a failure removes the temporaries.</summary>
    private static void WriteAll(IReadOnlyList<(string Path, string Text)> files)
    {
        var unique = $"{Environment.ProcessId}-{Guid.NewGuid():N}"[..24];
        var written = new List<(string Temporary, string Path)>();
        try
        {
            foreach (var (path, text) in files)
            {
                var temporary = $"{path}.{unique}.tmp";
                Attempt(path, () =>
                {
                    Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                    File.WriteAllText(temporary, text);
                });
                written.Add((temporary, path));
            }

            foreach (var (temporary, path) in written)
            {
                Attempt(path, () => File.Move(temporary, path, overwrite: true));
            }
        }
        finally
        {
            foreach (var (temporary, _) in written.Where(w => File.Exists(w.Temporary)))
            {
                File.Delete(temporary);
            }
        }
    }

    /// <summary>Runs <paramref name="action"/> on <paramref name="path"/>; a failure is one <see cref="IOException"/> naming the file.</summary>
    private static void Attempt(string path, Action action)
    {
        try
        {
            action();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new IOException($"{path} cannot be written: {e.Message}", e);
        }
    }
}
