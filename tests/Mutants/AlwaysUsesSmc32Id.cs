using FfaConformance.Abi;
using FfaConformance.Adapters.Emulator;

namespace FfaConformance.Tests.Mutants;

/// <summary>Classic slip: the request ID ignores the convention and is always 0x8400006F.</summary>
public sealed class AlwaysUsesSmc32Id(IConduit conduit, FfaVersion version) : ReferenceTransport(conduit, version)
{
    protected override RegisterSet BuildRequest(ushort self, ushort destination, DirectMessage message, Convention convention) =>
        base.BuildRequest(self, destination, message, convention).With(0, FfaFunctions.DirectRequest.Id(Convention.Smc32).Value);
}
