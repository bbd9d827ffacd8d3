using FfaConformance.Abi;
using FfaConformance.Adapters.Emulator;

namespace FfaConformance.Tests.Mutants;

/// <summary>Classic slip: the runtime entry works before ExitBootServices, with the boot-time driver's data.</summary>
public sealed class HasNoRuntimeGate(IConduit conduit, FfaVersion version) : ReferenceTransport(conduit, version)
{
    public override int SyncSendReceiveRuntime(ushort destination, MessageBuffer? message, Convention convention) =>
        Resident is null ? SyncSendReceive(destination, message, convention) : base.SyncSendReceiveRuntime(destination, message, convention);
}
