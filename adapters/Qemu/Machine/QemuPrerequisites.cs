using FfaConformance.Adapters.Contract;
using FfaConformance.Adapters.Sources;

namespace FfaConformance.Adapters.Qemu.Machine;

/// <summary>
/// The host tools a QEMU target needs. A missing tool makes the target skipped with a one-line reason
/// naming every missing tool and the Debian package that provides it, so one install fixes all of them.
/// </summary>
public static class QemuPrerequisites
{
    /// <summary>QEMU, the keeper (built with the host compiler) and the aarch64 cross compiler, for a target whose firmware this suite builds.</summary>
    public static (Toolchain Cross, QemuTools Tools) Require(string target, string buildRoot)
    {
        var cross = Toolchain.Find(FirmwareBuild.CrossPrefix, out var missingCompiler);
        var qemu = Toolchain.Qemu(out var missingQemu);
        Toolchain.Host(out var missingHost);
        if (cross is null || qemu is null || missingHost is not null)
        {
            var reasons = new[] { missingCompiler, missingQemu, missingHost }.OfType<string>();
            throw new TargetUnavailableException($"QEMU target {target} is skipped: {string.Join("; ", reasons)}", skip: true);
        }

        return (cross, new QemuTools(qemu.Value.Path, Keeper.Require(buildRoot), qemu.Value.Version));
    }
}
