namespace FfaConformance.Adapters.Linux;

/// <summary>
/// How a linux target is built and watched: the driver's source (null: the linux-source package of the running
/// kernel) and how messages name it, where builds are cached, how long the kernel may go without a conduit call
/// or a return to the companion before a case counts as a hang, and a self-test's mutation of driver.c.
/// </summary>
public sealed record LinuxOptions(string? Source, string BuildRoot, TimeSpan HangTimeout)
{
    public static readonly TimeSpan DefaultHangTimeout = TimeSpan.FromSeconds(2);

    /// <summary>How long a boot may take before the guest is given up: TCG boots Debian's kernel in about five seconds.</summary>
    public static readonly TimeSpan BootTimeout = TimeSpan.FromSeconds(90);

    public string SourceKey { get; init; } = "source";

    public Func<string, string>? Mutate { get; init; }

    /// <summary>Real TF-A firmware the kernel boots under as BL33, or null for the harness's scripted secure world.</summary>
    public Qemu.Firmware.RealSecureWorld? SecureWorld { get; init; }
}
