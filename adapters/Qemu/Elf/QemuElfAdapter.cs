using FfaConformance.Adapters.Contract;

namespace FfaConformance.Adapters.Qemu.Elf;

/// <summary>The adapter for a user's firmware ELF as configuration knows it: the ELF, the symbols it calls, the runtime sections.</summary>
public sealed class QemuElfAdapter : IAdapter
{
    private static readonly SettingKey Firmware = new("Firmware", "the path of an AArch64 firmware ELF with its symbol table, linked in RAM (0x40000000 upwards) or below with its relocations", v => v.Trim().Length > 0)
    {
        Required = true,
    };

    private static readonly SettingKey Required = new("Required", "true (a missing firmware is an error) or false (a missing firmware skips the target)", v => v is "true" or "false");

    private static readonly SettingKey RuntimeEntry = new("RuntimeEntry",
        $"the symbol of the runtime send, int f(u16 dst, struct ffa_send_direct_data *msg, bool is_smc64); default {QemuElfOptions.DefaultRuntimeEntry}", IsSymbol);

    private static readonly SettingKey BootEntry = new("BootEntry",
        $"the symbol of the boot-time send, int f(u16 self, u16 dst, struct ffa_send_direct_data *msg, bool is_smc64), or none; default {QemuElfOptions.DefaultBootEntry}", IsSymbol);

    private static readonly SettingKey ExitBootServicesNotify = new("ExitBootServicesNotify",
        $"the symbol of the ExitBootServices notify, void f(struct efi_event *, void *priv); default {QemuElfOptions.DefaultExitBootServicesNotify}", IsSymbol);

    private static readonly SettingKey RuntimeSections = new("RuntimeSections",
        $"comma-separated section names (a trailing * matches a prefix) kept mapped after ExitBootServices; default {QemuElfOptions.DefaultRuntimeSections}",
        v => v.Split(',', StringSplitOptions.TrimEntries).All(p => p.Length > 0 && !p[..^1].Contains('*', StringComparison.Ordinal)));

    public string Name => QemuElfTarget.AdapterName;

    public IReadOnlyList<SettingKey> Keys => [Firmware, Required, RuntimeEntry, BootEntry, ExitBootServicesNotify, RuntimeSections, SettingKey.HangTimeout];

    public ITarget Create(TargetConfig config) => QemuElfTarget.Create(
        config.Name,
        config.Version,
        new QemuElfOptions(
            config.Path(Firmware.Name)!,
            config.Value(RuntimeEntry.Name) ?? QemuElfOptions.DefaultRuntimeEntry,
            (config.Value(BootEntry.Name) ?? QemuElfOptions.DefaultBootEntry) is var boot && boot != "none" ? boot : null,
            config.Value(ExitBootServicesNotify.Name) ?? QemuElfOptions.DefaultExitBootServicesNotify,
            [.. (config.Value(RuntimeSections.Name) ?? QemuElfOptions.DefaultRuntimeSections).Split(',', StringSplitOptions.TrimEntries)],
            config.BuildDirectory,
            config.Milliseconds(SettingKey.HangTimeout.Name) ?? QemuElfOptions.DefaultHangTimeout),
        config.Flag(Required.Name, whenAbsent: true));

    private static bool IsSymbol(string text) => text.Length > 0 && text.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '$');
}
