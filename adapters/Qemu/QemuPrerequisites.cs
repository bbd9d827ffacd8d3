using FfaConformance.Adapters.Contract;
using FfaConformance.Adapters.Sources;

namespace FfaConformance.Adapters.Qemu;

/// <summary>
/// The host tools a QEMU target needs. A missing tool makes the target skipped with a one-line reason
/// naming every missing tool and the Debian package that provides it, so one install fixes all of them.
/// </summary>
internal static class QemuPrerequisites
{
    /// <summary>QEMU and setpriv, for a target that runs a ready-made firmware ELF.</summary>
    public static QemuTools Machine(string target) =>
        Toolchain.Qemu(out var missing)
        ?? throw new TargetUnavailableException($"QEMU target {target} is skipped: {missing}", skip: true);

    /// <summary>QEMU, setpriv and the aarch64 cross compiler, for a target whose firmware this suite builds.</summary>
    public static (Toolchain Cross, QemuTools Tools) Require(string target)
    {
        var cross = Toolchain.Find(FirmwareBuild.CrossPrefix, out var missingCompiler);
        var tools = Toolchain.Qemu(out var missingQemu);
        if (cross is null || tools is null)
        {
            var reasons = new[] { cross is null ? missingCompiler : null, missingQemu }
                .OfType<string>();
            throw new TargetUnavailableException($"QEMU target {target} is skipped: {string.Join("; ", reasons)}", skip: true);
        }

        return (cross, tools);
    }
}
