using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using FfaConformance.Adapters.Contract;
using FfaConformance.Adapters.Sources;

namespace FfaConformance.Adapters.Qemu.Firmware;

/// <summary>
/// The device tree a Linux kernel boots with as TF-A's BL33 on QEMU's virt board: QEMU's own for that board
/// (<c>dumpdtb</c>), which has no PSCI node when the secure world is on, since the firmware owns PSCI, with what
/// a bootloader adds — PSCI through SMC, the CPUs' enable method, the command line and the initramfs — written
/// with <c>dtc</c> (Debian: device-tree-compiler). Cached by everything that goes into it.
/// </summary>
public static class KernelDeviceTree
{
    /// <summary>Where the kernel's Image is loaded: 2 MiB aligned, above QEMU's own device tree at the start of RAM.</summary>
    public const ulong Kernel = 0x4040_0000;

    /// <summary>Where our device tree is loaded, below the initramfs, both far above the kernel's image and its BSS.</summary>
    public const ulong DeviceTree = 0x4C00_0000;

    public const ulong Initramfs = 0x4C10_0000;

    public static string Build(QemuTools tools, string buildRoot, string commandLine, long initramfsBytes)
    {
        var dtc = Toolchain.OnPath("dtc")
            ?? throw new TargetUnavailableException("dtc not found on PATH (Debian: apt-get install device-tree-compiler); a kernel under real TF-A needs it for its device tree", skip: true);
        var machine = string.Join(' ', RealSecureWorld.Machine);
        var key = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{tools.Version}\0{machine}\0{RealSecureWorld.MemoryMib}\0{commandLine}\0{initramfsBytes}")))[..16];
        return Path.Combine(CBuild.Cached(buildRoot, "kernel-dtb", key, "kernel.dtb", work =>
        {
            var board = RealSecureWorld.Machine.ToArray();
            board[1] += $",dumpdtb={Path.Combine(work, "virt.dtb")}";
            Run(tools.Qemu, [.. board, "-smp", "1", "-m", RealSecureWorld.MemoryMib.ToString(CultureInfo.InvariantCulture), "-nodefaults", "-display", "none"], work, "QEMU could not write its device tree");
            Run(dtc, ["-q", "-I", "dtb", "-O", "dts", "-o", "virt.dts", "virt.dtb"], work, "dtc could not read QEMU's device tree");
            File.WriteAllText(Path.Combine(work, "kernel.dts"), Patch(File.ReadAllText(Path.Combine(work, "virt.dts")), commandLine, initramfsBytes));
            Run(dtc, ["-q", "-I", "dts", "-O", "dtb", "-o", "kernel.dtb", "kernel.dts"], work, "dtc could not write the kernel's device tree");
        }), "kernel.dtb");
    }

    /// <summary>QEMU's tree with PSCI (method smc), each CPU's enable-method and /chosen's command line and initramfs.</summary>
    public static string Patch(string dts, string commandLine, long initramfsBytes)
    {
        // The normal world's /chosen, not /secure-chosen.
        const string Chosen = "\n\tchosen {";
        var end = dts.LastIndexOf("};", StringComparison.Ordinal);
        if (end < 0 || !dts.Contains(Chosen, StringComparison.Ordinal))
        {
            throw new InvalidDataException("QEMU's device tree has no root node's end or no /chosen node");
        }

        var chosen = Chosen + "\n\t\tbootargs = \"" + commandLine + "\";\n"
            + $"\t\tlinux,initrd-start = <0x0 0x{Initramfs:x}>;\n\t\tlinux,initrd-end = <0x0 0x{Initramfs + (ulong)initramfsBytes:x}>;";
        var patched = dts[..end].Replace(Chosen, chosen, StringComparison.Ordinal)
            .Replace("device_type = \"cpu\";", "device_type = \"cpu\";\n\t\t\tenable-method = \"psci\";", StringComparison.Ordinal);
        return patched + "\n\tpsci {\n\t\tcompatible = \"arm,psci-1.0\", \"arm,psci-0.2\";\n\t\tmethod = \"smc\";\n\t};\n" + dts[end..];
    }

    private static void Run(string tool, IReadOnlyList<string> arguments, string work, string failure)
    {
        var (exit, output) = Toolchain.Invoke(tool, arguments, work);
        if (exit != 0)
        {
            throw new TargetBuildException(failure, output);
        }
    }
}
