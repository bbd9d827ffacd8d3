using FfaConformance.Abi;
using FfaConformance.Adapters.Emulator;

namespace FfaConformance.Tests.Mutants;

/// <summary>Classic slip: the UUID's halves in the wrong registers (bytes 8–15 in x2).</summary>
public sealed class SwapsUuidHalves(IConduit conduit, FfaVersion version) : ReferenceTransport(conduit, version)
{
    protected override RegisterSet BuildRequest2(ushort self, ushort destination, ServiceUuid uuid, DirectMessage2 message) =>
        base.BuildRequest2(self, destination, new ServiceUuid(uuid.X3, uuid.X2), message);
}
