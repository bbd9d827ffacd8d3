using FfaConformance.Adapters.Contract;

namespace FfaConformance.Adapters.Qemu.Machine;

/// <summary>What both QEMU targets report beyond the contract: for the benchmark, and for checking that no QEMU is left behind.</summary>
public interface IQemuTarget : ITarget
{
    /// <summary>Conduit calls trapped since the target was created.</summary>
    long TrappedCalls { get; }

    /// <summary>Start-up of the last QEMU: spawn to gdbstub answering.</summary>
    TimeSpan LastStartup { get; }

    /// <summary>Every QEMU process the target has started.</summary>
    IReadOnlyList<int> MachineProcessIds { get; }
}
