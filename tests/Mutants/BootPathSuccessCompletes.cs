using FfaConformance.Abi;
using FfaConformance.Adapters.Emulator;

namespace FfaConformance.Tests.Mutants;

/// <summary>Pre-patch U-Boot kept in the boot-time path only: FFA_SUCCESS completes a request there, not at runtime.</summary>
public sealed class BootPathSuccessCompletes(IConduit conduit, FfaVersion version) : ReferenceTransport(conduit, version)
{
    private bool bootPath;

    public override int SyncSendReceive(ushort destination, MessageBuffer? message, Convention convention)
    {
        bootPath = true;
        return base.SyncSendReceive(destination, message, convention);
    }

    public override int SyncSendReceiveRuntime(ushort destination, MessageBuffer? message, Convention convention)
    {
        bootPath = false;
        return base.SyncSendReceiveRuntime(destination, message, convention);
    }

    protected override int ProtocolError(RegisterSet answer) =>
        bootPath && FfaFunctions.Success.Matches(answer.W0) ? 0 : base.ProtocolError(answer);
}
