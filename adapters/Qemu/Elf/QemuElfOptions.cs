namespace FfaConformance.Adapters.Qemu.Elf;

/// <summary>
/// A user's firmware ELF and the names the QEMU ELF adapter calls it by. The defaults are the names in U-Boot
/// with the seed series applied. <see cref="BootEntry"/> null means the firmware has no boot-time entry.
/// </summary>
public sealed record QemuElfOptions(
    string Firmware,
    string RuntimeEntry,
    string? BootEntry,
    string ExitBootServicesNotify,
    IReadOnlyList<string> RuntimeSections,
    string BuildRoot,
    TimeSpan HangTimeout)
{
    public const string DefaultRuntimeEntry = "ffa_sync_send_receive_runtime";
    public const string DefaultBootEntry = "ffa_invoke_msg_send_direct_req";
    public const string DefaultExitBootServicesNotify = "ffa_rt_exit_boot_services_notify";
    public const string DefaultRuntimeSections = ".efi_runtime*";

    public static readonly TimeSpan DefaultHangTimeout = TimeSpan.FromSeconds(2);
}
