using System.Diagnostics;
using FfaConformance.Abi;
using FfaConformance.Adapters.Native;
using FfaConformance.Rules;
using FfaConformance.Runner.Configuration;
using FfaConformance.Runner.Engine;
using FfaConformance.Runner.Run;
using FfaConformance.Scenarios;
using FfaConformance.SecureWorld;

namespace FfaConformance.Cli;

/// <summary>
/// What the run journal costs: the native C reference checked rule by rule through the engine, each rule once
/// without a journal and once writing one, in turns, in the same run; the journal's size at the end.
/// </summary>
internal static class JournalBenchmark
{
    private const int CasesPerRule = 2000;

    public static int Run(TimeSpan duration)
    {
        var root = SettingsLoader.FindRepositoryRoot();
        var reference = Path.Combine(root, "adapters", "c", "reference", "ffa_runtime_reference.c");
        var work = Directory.CreateTempSubdirectory("ffa-bench-journal-").FullName;
        try
        {
            using var native = NativeTarget.Create("c-reference", FfaVersion.V1_2,
                new NativeOptions(reference, Path.Combine(root, "artifacts", "build"), NativeOptions.DefaultHangTimeout), sourceRequired: true);
            var runner = new RuleRunner(new ManagedSecureWorld(PartitionTable.Default, FfaVersion.V1_3));
            var options = SettingsLoader.DefaultOptions with { MaxTest = CasesPerRule };
            var rules = RuleCatalogue.All.Where(r => r.Info.Applicability.WhyNot(native.Description) is null).ToArray();
            var path = Path.Combine(work, SuitePlan.RunJournalFile);
            var journal = RunJournal.Open(path, "bench", "bench");

            // Warm-up, so that neither side pays for the JIT.
            foreach (var rule in rules)
            {
                runner.Check(native, rule, options with { MaxTest = 100 });
            }

            var (without, with) = (new Tally(), new Tally());
            var clock = Stopwatch.StartNew();
            for (var round = 0; clock.Elapsed < duration; round++)
            {
                foreach (var rule in rules)
                {
                    // Alternating which goes first, so that neither side always runs on a warmer cache.
                    var journalled = (round & 1) == 0;
                    for (var side = 0; side < 2; side++, journalled = !journalled)
                    {
                        var timer = Stopwatch.StartNew();
                        using var written = journalled ? journal.For(native.Description.Name, rule.Id) : null;
                        var result = runner.Check(native, rule, options, journal: written);
                        (journalled ? with : without).Add(result.Cases, timer.Elapsed);
                    }
                }
            }

            journal.Dispose();
            var bytes = new FileInfo(path).Length;
            var lines = File.ReadLines(path).Count();
            Console.WriteLine($"native target (C reference), {rules.Length} rules of {CasesPerRule} cases each, in turns:");
            Console.WriteLine($"  without a journal: {without.Cases} cases in {without.Elapsed.TotalSeconds:0.00} s = {without.Rate:0} cases/s");
            Console.WriteLine($"  with the journal:  {with.Cases} cases in {with.Elapsed.TotalSeconds:0.00} s = {with.Rate:0} cases/s ({with.Rate / without.Rate - 1:+0.0%;-0.0%})");
            Console.WriteLine($"  journal: {bytes:N0} bytes, {lines:N0} lines for {with.Rules} rule runs of {with.Cases} cases ({(double)bytes / with.Rules:0} bytes per rule run, {(double)bytes / with.Cases:0.00} per case)");
            return 0;
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private sealed class Tally
    {
        public long Cases { get; private set; }

        public int Rules { get; private set; }

        public TimeSpan Elapsed { get; private set; }

        public double Rate => Cases / Elapsed.TotalSeconds;

        public void Add(int cases, TimeSpan elapsed)
        {
            Cases += cases;
            Rules++;
            Elapsed += elapsed;
        }
    }
}
