using System.Diagnostics;
using FfaConformance.Abi;
using FfaConformance.Adapters.Contract;
using FfaConformance.Adapters.Emulator;
using FfaConformance.Adapters.Native;
using FfaConformance.Records;
using FfaConformance.Reports.Html;
using FfaConformance.Reports.Merge;
using FfaConformance.Runner.Configuration;
using FfaConformance.Runner.Expectations;
using FfaConformance.Runner.Run;

namespace FfaConformance.Cli;

/// <summary>
/// The report at scale: five real runs of every rule with 10,000 cases each (the C# reference at v1.2 and
/// v1.0, the native C reference, the seed at v1.0 and v1.2), merged into one page; its size, and the time
/// until it is interactive in Debian's Chromium (navigation start to the script's ready mark), best of three.
/// </summary>
internal static class ReportScale
{
    private const int Cases = 10_000;

    public static int Run()
    {
        var root = SettingsLoader.FindRepositoryRoot();
        var build = Path.Combine(root, "artifacts", "build");
        var seedSource = Path.GetFullPath(Path.Combine(root, "..", "shared", "seed"));
        var reference = Path.Combine(root, "adapters", "c", "reference", "ffa_runtime_reference.c");
        var runs = new List<RunRecord>();
        var clock = Stopwatch.StartNew();
        foreach (var target in new RunTarget[]
        {
            new("emulator", EmulatorTarget.AdapterName, FfaVersion.V1_2, () => EmulatorTarget.Reference("emulator", FfaVersion.V1_2), NoExpectations),
            new("emulator-v1.0", EmulatorTarget.AdapterName, FfaVersion.V1_0, () => EmulatorTarget.Reference("emulator-v1.0", FfaVersion.V1_0), NoExpectations),
            new("c-reference", NativeTarget.AdapterName, FfaVersion.V1_2, () => Native("c-reference", reference, FfaVersion.V1_2, build), NoExpectations),
            new("seed", NativeTarget.AdapterName, FfaVersion.V1_0, () => Native("seed", seedSource, FfaVersion.V1_0, build), NoExpectations),
            new("seed-v1.2", NativeTarget.AdapterName, FfaVersion.V1_2, () => Native("seed-v1.2", seedSource, FfaVersion.V1_2, build), NoExpectations),
        })
        {
            using var run = new ConformanceRun(new RunPlan([target], SettingsLoader.DefaultOptions with { MaxTest = Cases }, FfaVersion.V1_3));
            run.CheckAll();
            runs.Add(run.Record());
            Console.WriteLine($"{target.Name}: {runs[^1].Results.Sum(r => r.Cases):N0} cases");
        }

        var merged = RunMerge.Merge(runs);
        var html = HtmlReport.Render(merged);
        var directory = Directory.CreateDirectory(Path.Combine(root, "artifacts", "results", "scale")).FullName;
        var file = Path.Combine(directory, "report.html");
        File.WriteAllText(file, html);
        Console.WriteLine($"runs: {clock.Elapsed.TotalSeconds:0} s; merged report of {merged.Targets.Count} targets × {merged.Rules.Count} rules, " +
            $"{merged.Results.Sum(r => (long)r.Cases):N0} cases, {merged.Results.Count(r => r.Evidence is not null)} counterexamples: {new FileInfo(file).Length / 1024.0:N0} KiB ({file})");
        var (interactive, domInteractive) = TimeToInteractive(file).GetAwaiter().GetResult();
        Console.WriteLine($"Chromium, best of 3: interactive after {interactive:0} ms (DOM parsed after {domInteractive:0} ms)");
        return 0;
    }

    private static readonly IReadOnlyDictionary<string, Expectation> NoExpectations = new Dictionary<string, Expectation>();

    private static ITarget Native(string name, string source, FfaVersion version, string build) =>
        NativeTarget.Create(name, version, new NativeOptions(source, build, NativeOptions.DefaultHangTimeout), sourceRequired: true);

    private static async Task<(double Interactive, double DomInteractive)> TimeToInteractive(string file)
    {
        var (playwright, browser) = await Chromium.Launch();
        using var owner = playwright;
        await using var open = browser;
        var best = (double.MaxValue, double.MaxValue);
        for (var i = 0; i < 3; i++)
        {
            var page = await browser.NewPageAsync();
            await page.GotoAsync(new Uri(file).AbsoluteUri);
            await page.WaitForFunctionAsync("document.body.dataset.ready === '1'");
            var ready = await page.EvaluateAsync<double>("() => Number(document.body.dataset.readyMs)");
            var dom = await page.EvaluateAsync<double>("() => performance.getEntriesByType('navigation')[0].domInteractive");
            best = (Math.Min(best.Item1, ready), Math.Min(best.Item2, dom));
            await page.CloseAsync();
        }

        return best;
    }
}
