using FfaConformance.Abi;
using FfaConformance.Adapters.Emulator;

namespace FfaConformance.Tests.Mutants;

/// <summary>Classic slip: the REQ2 function ID built with the SMC32 convention bit (0x8400008D, which does not exist).</summary>
public sealed class SendsReq2AsSmc32(IConduit conduit, FfaVersion version) : ReferenceTransport(conduit, version)
{
    protected override RegisterSet BuildRequest2(ushort self, ushort destination, ServiceUuid uuid, DirectMessage2 message) =>
        base.BuildRequest2(self, destination, uuid, message).With(0, FfaFunctions.DirectRequest2.Id(Convention.Smc64).Value & ~0x4000_0000UL);
}
