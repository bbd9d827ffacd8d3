using System.Globalization;
using FfaConformance.Adapters.Contract;
using FfaConformance.Adapters.Emulator;
using FfaConformance.Adapters.Native;
using FfaConformance.Adapters.Qemu;

namespace FfaConformance.Runner.Configuration;

/// <summary>An adapter a target can name: the keys it accepts besides the common ones, and how it builds a target.</summary>
public sealed record AdapterKind(string Name, IReadOnlyList<SettingKey> Keys, Func<TargetSettings, SuiteSettings, ITarget> Create);

/// <summary>The adapters configuration knows.</summary>
public static class AdapterRegistry
{
    // Declared before All, whose initialiser reads it.
    private static readonly SettingKey HangTimeoutKey =
        new("HangTimeoutMs", "milliseconds without a conduit call or a return before a case counts as a hang, 50–60000", v => IsInt(v, 50, 60_000));

    public static readonly IReadOnlyList<AdapterKind> All =
    [
        new(EmulatorTarget.AdapterName, [], (target, _) => EmulatorTarget.Reference(target.Name, target.Version)),
        new(NativeTarget.AdapterName, BuiltTargetKeys, (target, suite) => NativeTarget.Create(
            target.Name,
            target.Version,
            new NativeOptions(Source(target, suite), suite.BuildDirectory, HangTimeout(target) ?? NativeOptions.DefaultHangTimeout),
            Required(target))),
        new(QemuTarget.AdapterName, BuiltTargetKeys, (target, suite) => QemuTarget.Create(
            target.Name,
            target.Version,
            new QemuOptions(Source(target, suite), suite.BuildDirectory, HangTimeout(target) ?? QemuOptions.DefaultHangTimeout),
            Required(target))),
        new(QemuElfTarget.AdapterName, ElfKeys, (target, suite) => QemuElfTarget.Create(
            target.Name,
            target.Version,
            new QemuElfOptions(
                suite.Resolve(target.Keys.GetValueOrDefault("Firmware")
                    ?? throw new ConfigurationException($"Targets:{target.Name}:Firmware is missing; accepted: the path of an AArch64 firmware ELF linked in RAM")),
                target.Keys.GetValueOrDefault("RuntimeEntry") ?? QemuElfOptions.DefaultRuntimeEntry,
                target.Keys.GetValueOrDefault("BootEntry", QemuElfOptions.DefaultBootEntry) is var boot && boot != "none" ? boot : null,
                target.Keys.GetValueOrDefault("ExitBootServicesNotify") ?? QemuElfOptions.DefaultExitBootServicesNotify,
                [.. (target.Keys.GetValueOrDefault("RuntimeSections") ?? QemuElfOptions.DefaultRuntimeSections).Split(',', StringSplitOptions.TrimEntries)],
                suite.BuildDirectory,
                HangTimeout(target) ?? QemuOptions.DefaultHangTimeout),
            Required(target))),
    ];

    public static IReadOnlyList<string> Names => [.. All.Select(a => a.Name)];

    /// <summary>Keys of adapters that build the target from a transport source.</summary>
    private static IReadOnlyList<SettingKey> BuiltTargetKeys =>
    [
        new("Source", "a U-Boot tree, a patch or mail that creates arm-ffa-runtime.c, a directory holding one, or a .c file (relative paths are relative to the checkout)", v => v.Trim().Length > 0),
        new("Required", "true (a missing source is an error) or false (a missing source skips the target)", v => v is "true" or "false"),
        HangTimeoutKey,
    ];

    /// <summary>Keys of the adapter that runs a user's firmware ELF.</summary>
    private static IReadOnlyList<SettingKey> ElfKeys =>
    [
        new("Firmware", "the path of an AArch64 firmware ELF linked in RAM (0x40000000 upwards), with its symbol table", v => v.Trim().Length > 0),
        new("Required", "true (a missing firmware is an error) or false (a missing firmware skips the target)", v => v is "true" or "false"),
        new("RuntimeEntry", $"the symbol of the runtime send, int f(u16 dst, struct ffa_send_direct_data *msg, bool is_smc64); default {QemuElfOptions.DefaultRuntimeEntry}", IsSymbol),
        new("BootEntry", $"the symbol of the boot-time send, int f(u16 self, u16 dst, struct ffa_send_direct_data *msg, bool is_smc64), or none; default {QemuElfOptions.DefaultBootEntry}", IsSymbol),
        new("ExitBootServicesNotify", $"the symbol of the ExitBootServices notify, void f(struct efi_event *, void *priv); default {QemuElfOptions.DefaultExitBootServicesNotify}", IsSymbol),
        new("RuntimeSections", $"comma-separated section names (a trailing * matches a prefix) kept mapped after ExitBootServices; default {QemuElfOptions.DefaultRuntimeSections}",
            v => v.Split(',', StringSplitOptions.TrimEntries).All(p => p.Length > 0 && !p[..^1].Contains('*', StringComparison.Ordinal))),
        HangTimeoutKey,
    ];

    public static IReadOnlyList<SettingKey> KeysOf(string adapter) => Find(adapter)?.Keys ?? [];

    /// <summary>Builds the target; <see cref="TargetUnavailableException"/> when it cannot be (skip or broken).</summary>
    public static ITarget Create(TargetSettings target, SuiteSettings suite) =>
        (Find(target.Adapter) ?? throw new ConfigurationException(
            $"Targets:{target.Name}:Adapter = '{target.Adapter}' is not valid; accepted: {string.Join(", ", Names)}")).Create(target, suite);

    internal static bool IsInt(string text, int min, int max) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max;

    private static bool IsSymbol(string text) => text.Length > 0 && text.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '$');

    private static AdapterKind? Find(string name) => All.FirstOrDefault(a => a.Name == name);

    private static string Source(TargetSettings target, SuiteSettings suite) => suite.Resolve(target.Keys.GetValueOrDefault("Source")
        ?? throw new ConfigurationException($"Targets:{target.Name}:Source is missing; accepted: a U-Boot tree, a patch or mail, or a .c file"));

    private static bool Required(TargetSettings target) => target.Keys.GetValueOrDefault("Required") != "false";

    private static TimeSpan? HangTimeout(TargetSettings target) =>
        target.Keys.TryGetValue("HangTimeoutMs", out var ms) ? TimeSpan.FromMilliseconds(int.Parse(ms, CultureInfo.InvariantCulture)) : null;
}
