using System.Diagnostics;
using FfaConformance.Abi;
using FfaConformance.Adapters.Contract;
using FfaConformance.Adapters.Linux;

namespace FfaConformance.Cli;

/// <summary>
/// The linux target's set-up, phase by phase — Debian's packages fetched and unpacked, the modules built and
/// the guest booted to its first case — in the build directory (warm when it already holds them) or, cold, in
/// a fresh one that is deleted afterwards.
/// </summary>
internal static class LinuxBenchmark
{
    /// <summary>The target, built and booted, with its set-up times printed; null (with the reason printed) when it cannot be.</summary>
    public static LinuxTarget? SetUp(string buildRoot, bool cold, Adapters.Qemu.Firmware.RealSecureWorld? secureWorld = null)
    {
        var root = cold ? Directory.CreateTempSubdirectory("ffa-bench-linux-").FullName : buildRoot;
        try
        {
            var clock = Stopwatch.StartNew();
            var kernel = LinuxKernel.Prepare(root, "linux");
            var packages = clock.Elapsed;
            var name = secureWorld is null ? "linux" : $"linux under {Path.GetFileName(secureWorld.Folder)}";
            var target = LinuxTarget.Create(name, FfaVersion.V1_3, new LinuxOptions(null, root, LinuxOptions.DefaultHangTimeout) { SecureWorld = secureWorld });
            var total = clock.Elapsed;
            Console.WriteLine($"{name} target set-up ({(cold ? "cold: an empty build directory" : "warm: the build directory as it was")}), Debian kernel {kernel.Abi}: " +
                $"{total.TotalSeconds:0.0} s to the first case = packages {packages.TotalSeconds:0.0} s + modules {(total - packages - target.LastBoot).TotalSeconds:0.0} s " +
                $"+ boot to the companion and snapshot {target.LastBoot.TotalSeconds:0.0} s");
            return target;
        }
        catch (TargetUnavailableException e)
        {
            Console.WriteLine($"{(secureWorld is null ? "linux" : $"linux under {secureWorld.Folder}")} target: not measured, {e.Message}");
            return null;
        }
        finally
        {
            if (cold)
            {
                Directory.Delete(root, recursive: true);
            }
        }
    }
}
