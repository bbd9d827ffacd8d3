using FfaConformance.Adapters.Qemu.Firmware;
using FfaConformance.Adapters.Qemu.Machine;
using FfaConformance.Adapters.Sources;

namespace FfaConformance.Adapters.Linux;

/// <summary>
/// What a Linux guest needs to boot as TF-A's BL33 (<see cref="RealSecureWorld"/>): the bios whose BL33 enters the
/// kernel and the device tree it is given.
/// </summary>
public sealed record KernelUnderTfa(string Bios, string DeviceTree)
{
    /// <summary>Builds (or takes from the cache) the bios and the device tree for a kernel booting with <paramref name="initramfs"/>.</summary>
    public static KernelUnderTfa Prepare(RealSecureWorld world, QemuTools tools, string fiptool, string buildRoot, string initramfs) => new(
        world.KernelBios(KernelDeviceTree.Kernel, KernelDeviceTree.DeviceTree, fiptool, buildRoot),
        KernelDeviceTree.Build(tools, buildRoot, LinuxKernel.CommandLine, new FileInfo(initramfs).Length));

    /// <summary>
    /// Starts QEMU on TF-A's board with the Image, the initramfs and the device tree where the BL33 expects them;
    /// <paramref name="extra"/> adds arguments (a network), UART0 goes to <paramref name="console"/>, UART1 (the secure world's log) to a file of its own, a new one each boot, which QEMU removes when it ends.
    /// </summary>
    public QemuMachine Start(QemuTools tools, string kernel, string initramfs, string console, IReadOnlyList<string>? extra = null, string? snapshots = null) =>
        QemuMachine.Start(tools, null, RealSecureWorld.MemoryMib,
            loaders:
            [
                $"file={QemuMachine.OptionValue(kernel)},addr=0x{KernelDeviceTree.Kernel:x},force-raw=on",
                $"file={QemuMachine.OptionValue(initramfs)},addr=0x{KernelDeviceTree.Initramfs:x},force-raw=on",
                $"file={QemuMachine.OptionValue(DeviceTree)},addr=0x{KernelDeviceTree.DeviceTree:x},force-raw=on",
            ],
            extra: ["-bios", Bios, "-no-reboot", .. extra ?? []], console: console, snapshots: snapshots, board: RealSecureWorld.Machine, secureConsole: Path.Combine(Path.GetTempPath(), $"ffa-uart1-{Guid.NewGuid():N}.log"));
}
