using System.Security.Cryptography;
using System.Text;
using FfaConformance.Adapters.Sources;
using FfaConformance.Scenarios;

namespace FfaConformance.Adapters.Linux;

/// <summary>
/// The guest a linux target boots: the arm_ffa driver (ffa-core.ko, ffa-module.ko) built unmodified — or with a
/// self-test's mutation applied to a copy — as out-of-tree modules against the kernel's headers, our companion
/// module (c/linux), busybox and an /init that loads them, packed into an initramfs. Cached by a hash of every
/// input, so a warm run builds nothing.
/// </summary>
public sealed record LinuxModules(string Initramfs, bool Req2, bool Req2TakesUuid)
{
    /// <summary>The driver's build: ffa-core.ko, ffa-module.ko and their Module.symvers.</summary>
    public string Driver => Path.Combine(Path.GetDirectoryName(Initramfs)!, "ffa");

    /// <summary>How /init names on the console each partition the driver registered: "ffa-init: partition 0x8001 486178e0…".</summary>
    public const string PartitionLine = "ffa-init: partition ";

    /// <summary>
    /// Builds (or reuses) the initramfs; <see cref="TargetBuildException"/> with make's own text when a module does not build.
    /// The companion binds to <paramref name="partitions"/> or, when null (a real secure world, whose partitions only
    /// the driver's probe finds), to every partition with a UUID that the driver registered, which /init names on the console.
    /// </summary>
    public static LinuxModules Build(LinuxKernel kernel, DriverSource driver, PartitionTable? partitions, string buildRoot, Func<string, string>? mutate = null)
    {
        var companion = Path.Combine(CSources.Root, "linux");
        var header = File.ReadAllText(driver.Header);
        var api = DriverApi.Of(header);
        var mutated = mutate?.Invoke(File.ReadAllText(Path.Combine(driver.Folder, "driver.c")));
        var flavour = api.Flavour;
        var uuids = partitions is null
            ? $$"""
                uuids=
                for d in /sys/bus/arm_ffa/devices/*; do
                  u=$(/bin/busybox cat $d/uuid | /bin/busybox tr -d -)
                  [ "$u" = 00000000000000000000000000000000 ] && continue
                  echo "{{PartitionLine}}$(/bin/busybox cat $d/partition_id) $u"
                  uuids="$uuids${uuids:+,}$u"
                done
                """
            : $"uuids={string.Join(',', partitions.Partitions.Select(p => Convert.ToHexStringLower(p.UuidBytes)))}";
        var init = $"""
            #!/bin/busybox sh
            /bin/busybox mount -t proc proc /proc
            /bin/busybox mount -t sysfs sysfs /sys
            /bin/busybox insmod /ffa-core.ko && /bin/busybox insmod /ffa-module.ko
            {uuids}
            /bin/busybox insmod /ffa_conformance.ko uuids=$uuids
            echo "ffa-init: modules loaded with status $?"
            while true; do /bin/busybox sleep 3600; done

            """;
        var key = new StringBuilder(kernel.Abi).Append(kernel.Version).Append(Defines).Append(flavour).Append(init).Append(mutated);
        foreach (var file in driver.Inputs.Concat(Directory.GetFiles(companion).Order(StringComparer.Ordinal)))
        {
            key.Append('\0').Append(Path.GetFileName(file)).Append('\0').Append(File.ReadAllText(file));
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key.ToString())))[..16];
        var output = CBuild.Cached(buildRoot, "linux-guest", hash, "initramfs.cpio.gz", work =>
        {
            var ffa = Directory.CreateDirectory(Path.Combine(work, "ffa")).FullName;
            foreach (var file in driver.Inputs.SkipLast(1))
            {
                File.Copy(file, Path.Combine(ffa, Path.GetFileName(file)));
            }

            if (mutated is not null)
            {
                File.WriteAllText(Path.Combine(ffa, "driver.c"), mutated);
            }

            // The driver's own header goes first, so that a tree whose arm_ffa.h differs from the running kernel's is built as it is.
            var include = Directory.CreateDirectory(Path.Combine(work, "include", "linux")).FullName;
            File.Copy(driver.Header, Path.Combine(include, "arm_ffa.h"));
            var first = $"-include {Path.Combine(include, "arm_ffa.h")} {Defines}";
            File.WriteAllText(Path.Combine(ffa, "Kbuild"),
                $"ccflags-y += {first}\n" +
                "obj-m += ffa-core.o ffa-module.o\nffa-core-objs := bus.o\nffa-module-objs := driver.o smccc.o\n");
            Make(kernel, ffa, "the arm_ffa driver");

            var drivers = new[] { Path.Combine(ffa, "ffa-core.ko"), Path.Combine(ffa, "ffa-module.ko") };
            foreach (var module in drivers)
            {
                Tool(kernel, "aarch64-linux-gnu-strip", ["--strip-debug", module], work, "strip");
            }

            var modules = drivers.Append(Path.Combine(Companion(kernel, driver.Header, flavour, Path.Combine(ffa, "Module.symvers"), buildRoot), "ffa_conformance.ko"));
            var image = new Initramfs().Folder("bin").Folder("dev").Folder("proc").Folder("sys").Device("dev/console", 5, 1)
                .File("init", Encoding.ASCII.GetBytes(init.Replace("\r\n", "\n", StringComparison.Ordinal)), executable: true)
                .File("bin/busybox", File.ReadAllBytes(kernel.Busybox), executable: true);
            foreach (var module in modules)
            {
                image.File(Path.GetFileName(module), File.ReadAllBytes(module), executable: false);
            }

            image.Write(Path.Combine(work, "initramfs.cpio.gz"));
        });
        return new LinuxModules(Path.Combine(output, "initramfs.cpio.gz"), api.Req2, api.Req2TakesUuid);
    }

    /// <summary>
    /// The companion module, cached apart from the driver: it depends on the driver only through the header and the
    /// CRCs of the symbols it links against, so a mutant of driver.c that keeps them does not build it again.
    /// </summary>
    private static string Companion(LinuxKernel kernel, string header, string flavour, string driverSymbols, string buildRoot)
    {
        var sources = Path.Combine(CSources.Root, "linux");
        var key = new StringBuilder(kernel.Abi).Append(kernel.Version).Append(Defines).Append(flavour).Append('\0').Append(File.ReadAllText(header));

        // A symbol's CRC, name, module and export kind: not the folder the driver was built in, a fresh one each time.
        foreach (var fields in File.ReadAllLines(driverSymbols).Select(l => l.Split('\t')).Where(f => f.Length >= 3))
        {
            key.Append('\0').AppendJoin('\t', fields[..2]).Append('\t').Append(Path.GetFileName(fields[2])).Append('\t').AppendJoin('\t', fields[3..]);
        }

        foreach (var file in Directory.GetFiles(sources).Order(StringComparer.Ordinal))
        {
            key.Append('\0').Append(Path.GetFileName(file)).Append('\0').Append(File.ReadAllText(file));
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key.ToString())))[..16];
        return CBuild.Cached(buildRoot, "linux-companion", hash, "ffa_conformance.ko", work =>
        {
            foreach (var file in Directory.GetFiles(sources))
            {
                File.Copy(file, Path.Combine(work, Path.GetFileName(file)));
            }

            var include = Directory.CreateDirectory(Path.Combine(work, "include", "linux")).FullName;
            File.Copy(header, Path.Combine(include, "arm_ffa.h"));
            var symbols = Path.Combine(work, "driver.symvers");
            File.Copy(driverSymbols, symbols);
            File.WriteAllText(Path.Combine(work, "Kbuild"), CompanionKbuild($"-include {Path.Combine(include, "arm_ffa.h")} {Defines} {flavour}"));
            Make(kernel, work, "the companion module", $"KBUILD_EXTRA_SYMBOLS={symbols}");
            Tool(kernel, "aarch64-linux-gnu-strip", ["--strip-debug", Path.Combine(work, "ffa_conformance.ko")], work, "strip");
        });
    }

    /// <summary>The companion module's Kbuild: one module of companion.c and board.c.</summary>
    public static string CompanionKbuild(string flags) => $"ccflags-y += {flags}\nobj-m += ffa_conformance.o\nffa_conformance-y := companion.o board.o\n";

    /// <summary>Debian's kernel has the FF-A transport off: these make the header declare the bus's functions (not stubs) and the driver use its SMCCC transport.</summary>
    public const string Defines = "-DCONFIG_ARM_FFA_TRANSPORT_MODULE=1 -DCONFIG_ARM_FFA_SMCCC=1";

    private static void Make(LinuxKernel kernel, string folder, string what, params string[] extra) =>
        Tool(kernel, "make", [$"-j{Environment.ProcessorCount}", "-C", kernel.Headers, $"M={folder}", "CONFIG_DEBUG_INFO_BTF_MODULES=", .. extra, "modules"], folder, what);

    private static void Tool(LinuxKernel kernel, string tool, IEnumerable<string> arguments, string folder, string what)
    {
        var (exit, output) = Toolchain.Invoke(tool, arguments, folder);
        if (exit != 0)
        {
            throw new TargetBuildException($"building {what} for {kernel.Abi} failed", output);
        }
    }
}
