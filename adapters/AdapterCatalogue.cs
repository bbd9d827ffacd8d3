using FfaConformance.Adapters.Contract;
using FfaConformance.Adapters.Emulator;
using FfaConformance.Adapters.Linux;
using FfaConformance.Adapters.Native;
using FfaConformance.Adapters.Qemu.Elf;
using FfaConformance.Adapters.Qemu.Firmware;

namespace FfaConformance.Adapters;

/// <summary>Every adapter a target can name in its configuration.</summary>
public static class AdapterCatalogue
{
    public static readonly IReadOnlyList<IAdapter> All = [new EmulatorAdapter(), new NativeAdapter(), new QemuAdapter(), new QemuElfAdapter(), new LinuxAdapter(), new Linux.Board.BoardAdapter()];

    public static IReadOnlyList<string> Names => [.. All.Select(a => a.Name)];

    public static IAdapter? Find(string name) => All.FirstOrDefault(a => a.Name == name);
}
