using FfaConformance.Abi;
using FfaConformance.Adapters.Emulator;

namespace FfaConformance.Tests.Mutants;

/// <summary>Classic slip: w1 packed as (destination &lt;&lt; 16) | self.</summary>
public sealed class SwapsEndpointIds(IConduit conduit, FfaVersion version) : ReferenceTransport(conduit, version)
{
    protected override RegisterSet BuildRequest(ushort self, ushort destination, DirectMessage message, Convention convention) =>
        base.BuildRequest(destination, self, message, convention);
}
