using FfaConformance.Abi;
using FfaConformance.Adapters.Emulator;

namespace FfaConformance.Tests.Mutants;

/// <summary>Classic slip: an off-by-one copy sends thirteen words; x17 stays 0.</summary>
public sealed class DropsLastReq2Word(IConduit conduit, FfaVersion version) : ReferenceTransport(conduit, version)
{
    protected override RegisterSet BuildRequest2(ushort self, ushort destination, ServiceUuid uuid, DirectMessage2 message) =>
        base.BuildRequest2(self, destination, uuid, message).With(17, 0);
}
