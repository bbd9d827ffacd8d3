using System.Diagnostics;
using FfaConformance.Abi;
using FfaConformance.Adapters.Contract;
using FfaConformance.Adapters.Emulator;
using FfaConformance.Generators;
using FfaConformance.Rules;
using FfaConformance.Rules.Model;
using FfaConformance.Runner.Engine;
using FfaConformance.Scenarios;
using FfaConformance.SecureWorld;
using FsCheck;
using FsCheck.Fluent;

namespace FfaConformance.Cli;

/// <summary>
/// Checked cases per second on one core: generate a scenario (every rule's profile in turn), run it on the
/// emulator target against the managed secure world, and judge the trace with every rule.
/// </summary>
internal static class Benchmark
{
    private const int Batch = 1000;

    public static int Run(TimeSpan duration)
    {
        var world = new ManagedSecureWorld(PartitionTable.Default, FfaVersion.V1_3);
        using var target = EmulatorTarget.Reference("emulator", FfaVersion.V1_2);
        var context = new GenerationContext(world.Partitions, target.Description.Version);
        var generators = RuleCatalogue.All.Select(r => ScenarioGen.For(r.Info.Profile, context)).ToArray();

        // Long enough for tiered JIT to settle on one core before the measured run.
        Measure(world, target, generators, TimeSpan.FromSeconds(3));
        var (cases, elapsed, failures) = Measure(world, target, generators, duration);

        Console.WriteLine($"emulator target: {cases} cases in {elapsed.TotalSeconds:0.00} s = {cases / elapsed.TotalSeconds:0} checked cases/s " +
            $"(generation + run + {RuleCatalogue.All.Count} rules each, one thread, {failures} findings)");
        return failures == 0 ? 0 : 1;
    }

    private static (long Cases, TimeSpan Elapsed, long Failures) Measure(ManagedSecureWorld world, ITarget target, Gen<Scenario>[] generators, TimeSpan duration)
    {
        var clock = Stopwatch.StartNew();
        long cases = 0;
        long failures = 0;
        var random = new Random(1);
        while (clock.Elapsed < duration)
        {
            var generator = generators[cases / Batch % generators.Length];
            foreach (var scenario in generator.Sample(Batch, new Rnd((ulong)random.NextInt64()), 50))
            {
                var trace = ScenarioDriver.Run(target, world.Begin(scenario, RunOptions.Default.CallBudget));
                var view = new CaseView(scenario, trace, target.Description, world.Partitions);
                foreach (var rule in RuleCatalogue.All)
                {
                    failures += rule.Check(view).Failed ? 1 : 0;
                }
            }

            cases += Batch;
        }

        return (cases, clock.Elapsed, failures);
    }

}
