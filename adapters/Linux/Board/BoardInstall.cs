using FfaConformance.Adapters.Contract;
using FfaConformance.Scenarios;

namespace FfaConformance.Adapters.Linux.Board;

/// <summary>
/// Puts the companion and the agent on a board over SSH and loads the companion, with the managed secure world's
/// partitions as the stand-ins it registers where the board has none.
/// </summary>
internal static class BoardInstall
{
    /// <summary>Copies and loads the companion; returns what identifies the board's kernel and FF-A driver, which the suite did not build.</summary>
    public static string Load(string name, SecureShell shell, BoardCompanion built)
    {
        var folder = BoardOptions.RemoteFolder;
        foreach (var (file, command) in new[]
        {
            (null, $"mkdir -p {folder}"),
            (built.Module, $"cat > {folder}/ffa_conformance.ko"),
            (built.Agent, $"cat > {folder}/ffa_agent && chmod 755 {folder}/ffa_agent"),
        })
        {
            var (exit, output) = shell.Run(command, file is null ? null : File.ReadAllBytes(file));
            if (exit == SecureShell.ConnectionFailed)
            {
                throw new TargetUnavailableException(
                    $"linux-board target {name}: ssh to {shell.Destination} failed (Targets:{name}:Host, Port, IdentityFile and KnownHosts say how it is reached): {output}", skip: false);
            }

            if (exit != 0)
            {
                throw new TargetUnavailableException($"linux-board target {name}: '{command}' on {shell.Destination} failed ({exit}): {output}", skip: false);
            }
        }

        var partitions = PartitionTable.Default.Partitions;
        var load = $"rmmod ffa_conformance 2>/dev/null; insmod {folder}/ffa_conformance.ko harness=device " +
            $"uuids={string.Join(',', partitions.Select(p => Convert.ToHexStringLower(p.UuidBytes)))} ids={string.Join(',', partitions.Select(p => p.Id.ToString("x4", System.Globalization.CultureInfo.InvariantCulture)))}";
        var (loaded, said) = shell.Run(load);
        if (loaded != 0)
        {
            var (_, kernel) = shell.Run("dmesg | grep -i ffa | tail -n 5");
            throw new TargetUnavailableException($"linux-board target {name}: loading the companion on {shell.Destination} failed ({loaded}): {said}; the kernel said: {kernel}", skip: false);
        }

        // The kernel's build and, when the driver is a module, its source version.
        return shell.Run("cat /proc/version; cat /sys/module/ffa_core/srcversion /sys/module/ffa_module/srcversion 2>/dev/null; true").Output;
    }
}
