using System.Diagnostics;
using System.Globalization;
using FfaConformance.Abi;
using FfaConformance.Adapters.Bindings;
using FfaConformance.Adapters.Contract;
using FfaConformance.Adapters.Emulator;
using FfaConformance.Adapters.Native;
using FfaConformance.Adapters.Qemu.Firmware;
using FfaConformance.Adapters.Qemu.Machine;
using FfaConformance.Adapters.Sources;
using FfaConformance.Generators;
using FfaConformance.Rules;
using FfaConformance.Rules.Model;
using FfaConformance.Runner.Configuration;
using FfaConformance.Runner.Engine;
using FfaConformance.Scenarios;
using FfaConformance.SecureWorld;
using FsCheck;
using FsCheck.Fluent;

namespace FfaConformance.Cli;

/// <summary>
/// Checked cases per second: generate a scenario (every rule's profile in turn), run it on the target against
/// the managed secure world, judge the trace with every rule. The emulator, the native C reference and edk2's
/// ArmFfaLib through its binding are measured in the same run, then the C reference alone in a plain C loop, for the
/// harness's efficiency; then the QEMU firmware target next to the linux target (Linux's driver in QEMU), both
/// trapping every conduit call.
/// </summary>
internal static class Benchmark
{
    /// <summary>Cases drawn from one rule's profile before the next rule's, so that a short run at a slow target still sees every profile.</summary>
    private const int Batch = 25;

    public static int Run(TimeSpan duration, bool linuxCold = false)
    {
        var engine = new RuleRunner(new ManagedSecureWorld(PartitionTable.Default, FfaVersion.V1_3));
        var root = SettingsLoader.FindRepositoryRoot();
        var reference = Path.Combine(root, "adapters", "c", "reference", "ffa_runtime_reference.c");
        var buildRoot = Path.Combine(root, "artifacts", "build");
        var findings = 0L;

        using (var emulator = EmulatorTarget.Reference("emulator", FfaVersion.V1_2))
        {
            findings += Report(engine, emulator, duration);
        }

        if (Toolchain.Host(out var missing) is not { } toolchain)
        {
            Console.WriteLine($"native target: not measured, {missing}");
            return findings == 0 ? 0 : 1;
        }

        using (var native = NativeTarget.Create("c-reference", FfaVersion.V1_2, new NativeOptions(reference, buildRoot, NativeOptions.DefaultHangTimeout), sourceRequired: true))
        {
            findings += Report(engine, native, duration);
        }

        var edk2Tree = Path.GetFullPath(Path.Combine(root, "..", "shared", "implementations", "edk2"));
        if (Directory.Exists(edk2Tree))
        {
            // edk2 fails the rules expectations/edk2.json lists: its findings are reported, not a benchmark failure.
            using var edk2 = NativeTarget.Create("edk2", FfaVersion.V1_2, new NativeOptions(edk2Tree, buildRoot, NativeOptions.DefaultHangTimeout), sourceRequired: true, Binding.Load("edk2"));
            Report(engine, edk2, duration);
        }
        else
        {
            Console.WriteLine($"edk2 target: not measured, no edk2 tree at {edk2Tree}");
        }

        var bare = BareLoop(NativeBuild.BareLoop(BindingSource.Read(Binding.Load(BindingKeys.Uboot), reference), toolchain, buildRoot));
        Console.WriteLine($"bare C loop (C reference, stub secure world, no harness): {bare:0} ns per case " +
            "(probe, ExitBootServices, one request answered at once)");
        Console.WriteLine($"harness efficiency: {bare:0} ns / {LastNativeNanoseconds:0} ns = {bare / LastNativeNanoseconds:0.0000} (the suite spends {LastNativeNanoseconds / bare:0}x the transport's own time per case)");

        Toolchain cross;
        QemuTools tools;
        try
        {
            (cross, tools) = QemuPrerequisites.Require("c-reference-qemu", buildRoot);
        }
        catch (TargetUnavailableException e)
        {
            Console.WriteLine($"QEMU target: not measured, {e.Message}");
            return findings == 0 ? 0 : 1;
        }

        var pingPong = FirmwareBuild.PingPong(cross, buildRoot);
        var ceiling = QemuBenchmark.PingPong(tools, pingPong, duration);
        Console.WriteLine($"QEMU ping-pong (a firmware that only issues SMCs, our protocol client, no secure world): {ceiling:0} trapped calls/s");
        var clock = Stopwatch.StartNew();
        using (var qemu = QemuTarget.Create("c-reference-qemu", FfaVersion.V1_2, new QemuOptions(reference, buildRoot, QemuOptions.DefaultHangTimeout), sourceRequired: true))
        {
            var created = clock.Elapsed;
            var trappedBefore = qemu.TrappedCalls;
            var measured = Stopwatch.StartNew();
            findings += Report(engine, qemu, duration, warmUp: TimeSpan.FromSeconds(1));
            var trapped = (qemu.TrappedCalls - trappedBefore) / measured.Elapsed.TotalSeconds;
            Console.WriteLine($"QEMU target trapped calls: {trapped:0}/s = {trapped / ceiling:P0} of the ping-pong ceiling (cases add mailbox writes and result reads the ping-pong has not)");
            Console.WriteLine($"QEMU start-up per fixture: {created.TotalMilliseconds:0} ms to a ready target (QEMU spawn to gdbstub {qemu.LastStartup.TotalMilliseconds:0} ms); " +
                $"median spawn-to-gdbstub of 9 starts: {QemuBenchmark.Startup(tools, pingPong, 9).TotalMilliseconds:0} ms");
        }

        foreach (var folder in new[] { "tfa-el3-spmc", "optee-sel1-spmc" })
        {
            // The same target under real TF-A: its set-up includes TF-A's boot and the probe; its cases reach OP-TEE.
            var path = Path.GetFullPath(Path.Combine(root, "..", "shared", "secure-world", folder));
            if (!Directory.Exists(path) || Toolchain.OnPath("fiptool") is null)
            {
                Console.WriteLine($"c-reference under {folder}: not measured, no {path} or no fiptool");
                continue;
            }

            var started = Stopwatch.StartNew();
            using var real = QemuTarget.Create($"c-reference-{folder}", FfaVersion.V1_2,
                new QemuOptions(reference, buildRoot, QemuOptions.DefaultHangTimeout) { SecureWorld = RealSecureWorld.Resolve(path, $"secure world {folder}", required: true) }, sourceRequired: true);
            Console.WriteLine($"c-reference under {folder}: set up in {started.Elapsed.TotalMilliseconds:0} ms (build, QEMU, TF-A's boot, the probe)");
            findings += Report(engine, real, duration, warmUp: TimeSpan.FromSeconds(1));
        }

        foreach (var folder in new[] { (string?)null, "tfa-el3-spmc", "optee-sel1-spmc" })
        {
            var path = folder is null ? null : Path.GetFullPath(Path.Combine(root, "..", "shared", "secure-world", folder));
            if (path is not null && (!Directory.Exists(path) || Toolchain.OnPath("fiptool") is null))
            {
                Console.WriteLine($"linux under {folder}: not measured, no {path} or no fiptool");
                continue;
            }

            using var linux = LinuxBenchmark.SetUp(buildRoot, linuxCold && folder is null, path is null ? null : RealSecureWorld.Resolve(path, $"secure world {folder}", required: true));
            if (linux is not null)
            {
                // The shipped driver fails the rules its expectations list: its findings are reported, not a benchmark failure.
                var trappedBefore = linux.TrappedCalls;
                var measured = Stopwatch.StartNew();
                Report(engine, linux, duration, warmUp: TimeSpan.FromSeconds(1));
                Console.WriteLine($"{linux.Description.Name} target trapped calls: {(linux.TrappedCalls - trappedBefore) / measured.Elapsed.TotalSeconds:0}/s; " +
                    $"guest reset to its snapshot after {linux.Resets} cases (a crash, a hang or a stop order)");
            }
        }

        return findings == 0 ? 0 : 1;
    }

    private static double LastNativeNanoseconds { get; set; }

    private static long Report(RuleRunner engine, ITarget target, TimeSpan duration, TimeSpan? warmUp = null)
    {
        var context = engine.Context(target.Description);
        var rules = RuleCatalogue.All.Where(r => r.Info.Applicability.WhyNot(target.Description) is null).ToArray();
        var generators = rules.Select(r => ScenarioGen.For(r.Info.Profile, context)).ToArray();

        // Long enough for tiered JIT to settle on one core before the measured run.
        Measure(engine, target, rules, generators, warmUp ?? TimeSpan.FromSeconds(3));
        var (cases, calls, elapsed, findings) = Measure(engine, target, rules, generators, duration);
        var perCase = elapsed.TotalNanoseconds / cases;
        if (target.Description.Name == "c-reference")
        {
            LastNativeNanoseconds = perCase;
        }

        Console.WriteLine($"{target.Description.Name} target ({target.Description.Adapter}): {cases} cases in {elapsed.TotalSeconds:0.00} s = {cases / elapsed.TotalSeconds:0} checked cases/s, " +
            $"{perCase / 1000:0.0} us per case, {(double)calls / cases:0.0} conduit calls per case " +
            $"(generation from and judgement by the {rules.Length} rules that apply, of {RuleCatalogue.All.Count}; {findings} findings)");
        return findings;
    }

    private static (long Cases, long Calls, TimeSpan Elapsed, long Findings) Measure(RuleRunner engine, ITarget target, Rule[] rules, Gen<Scenario>[] generators, TimeSpan duration)
    {
        var clock = Stopwatch.StartNew();
        long cases = 0;
        long calls = 0;
        long findings = 0;
        var random = new Random(1);
        while (clock.Elapsed < duration)
        {
            var generator = generators[cases / Batch % generators.Length];
            foreach (var scenario in generator.Sample(Batch, new Rnd((ulong)random.NextInt64()), 50))
            {
                var (trace, verdicts) = engine.Evaluate(target, rules, scenario, SettingsLoader.DefaultOptions.CallBudget);
                calls += trace.Steps.Sum(s => s.Calls.Length);
                findings += verdicts.Count(v => v.Failed);
            }

            cases += Batch;
        }

        return (cases, calls, clock.Elapsed, findings);
    }

    /// <summary>Nanoseconds per case of the bare loop, best of three runs of a million cases.</summary>
    private static double BareLoop(string executable) => Enumerable.Range(0, 3).Min(_ =>
    {
        var (exit, output) = Toolchain.Invoke(executable, ["1000000"]);
        var fields = output.Split(' ');
        if (exit != 0 || fields.Length < 4)
        {
            throw new InvalidOperationException($"{executable} failed: {output}");
        }

        return double.Parse(fields[2], CultureInfo.InvariantCulture) / double.Parse(fields[0], CultureInfo.InvariantCulture);
    });
}
