namespace FfaConformance.Adapters.Qemu;

/// <summary>How a QEMU target is built and watched: its source, where builds are cached, and how long the guest may go without trapping or returning.</summary>
public sealed record QemuOptions(string Source, string BuildRoot, TimeSpan HangTimeout)
{
    public static readonly TimeSpan DefaultHangTimeout = TimeSpan.FromSeconds(2);
}
