namespace FfaConformance.Adapters.Qemu.Firmware;

/// <summary>
/// How a qemu target (the transport in our firmware) is built and watched: its source, where builds are
/// cached, and how long the guest may go without trapping or returning. <see cref="SourceKey"/> is how
/// messages name the source.
/// </summary>
public sealed record QemuOptions(string Source, string BuildRoot, TimeSpan HangTimeout)
{
    public static readonly TimeSpan DefaultHangTimeout = TimeSpan.FromSeconds(2);

    public string SourceKey { get; init; } = "source";

    /// <summary>Real TF-A firmware to run under, or null for the harness's scripted secure world.</summary>
    public RealSecureWorld? SecureWorld { get; init; }
}
