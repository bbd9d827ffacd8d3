using FfaConformance.Records;
using FfaConformance.Reports.History;
using FfaConformance.Reports.Html;
using FfaConformance.Reports.Junit;
using FfaConformance.Reports.Merge;

namespace FfaConformance.Cli;

/// <summary>
/// ffa report: one HTML page (and optionally JUnit XML) from one or more run.json files — one per target, or
/// one per night — optionally compared with a baseline run; from several runs, with each target × rule's history.
/// </summary>
internal static class ReportCommand
{
    public const string Usage = "report [--out FILE] [--junit FILE] [--baseline RUN.json] RUN.json...";

    public static int Run(IReadOnlyList<string> args)
    {
        string? output = null;
        string? junit = null;
        string? baseline = null;
        var inputs = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--out" when i + 1 < args.Count:
                    output = args[++i];
                    break;
                case "--junit" when i + 1 < args.Count:
                    junit = args[++i];
                    break;
                case "--baseline" when i + 1 < args.Count:
                    baseline = args[++i];
                    break;
                case var option when option.StartsWith("--", StringComparison.Ordinal):
                    Console.Error.WriteLine($"ffa report: '{option}' is not an option or lacks its value; accepted: {Usage}");
                    return 2;
                default:
                    inputs.Add(args[i]);
                    break;
            }
        }

        if (inputs.Count == 0)
        {
            Console.Error.WriteLine($"ffa report: no run.json given; accepted: {Usage}");
            return 2;
        }

        try
        {
            var runs = inputs.Select(RunRecordFile.Read).ToArray();
            if (inputs.Zip(runs).GroupBy(p => (p.Second.Run.Id, p.Second.Run.Started, p.Second.Run.Host)).FirstOrDefault(g => g.Count() > 1) is { } twice)
            {
                Console.Error.WriteLine($"ffa report: {string.Join(" and ", twice.Select(p => p.First))} are the same run ({twice.Key.Id}, started {twice.Key.Started:yyyy-MM-dd HH:mm:ss} on {twice.Key.Host}); accepted: each run once");
                return 2;
            }

            var merged = RunMerge.Merge(runs);
            var against = baseline is null ? null : RunRecordFile.Read(baseline);
            var series = runs.Length > 1 ? RunSeries.Of(runs) : null;
            output ??= "report.html";
            Write(output, HtmlReport.Render(merged, against, series: series));
            Console.WriteLine($"{output}: {merged.Targets.Count} targets, {merged.Rules.Count} rules, {merged.Results.Count} results");
            if (series is not null)
            {
                Console.WriteLine(series.Summary);
            }

            if (junit is not null)
            {
                Write(junit, JunitReport.Render(merged));
                Console.WriteLine($"{junit}: JUnit XML");
            }

            return 0;
        }
        catch (InvalidDataException e)
        {
            Console.Error.WriteLine($"ffa report: {e.Message}");
            return 2;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"ffa report: cannot write the output: {e.Message}");
            return 2;
        }
    }

    /// <summary>Writes <paramref name="path"/>, making the folder it names if it is not there yet.</summary>
    private static void Write(string path, string text)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(folder);
        File.WriteAllText(path, text);
    }
}
