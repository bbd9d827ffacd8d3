using FfaConformance.Abi;
using FfaConformance.Adapters.Emulator;

namespace FfaConformance.Tests.Mutants;

/// <summary>Classic slip: the sender field is hard-wired to 0 (U-Boot's usual ID) instead of FFA_ID_GET's answer.</summary>
public sealed class SendsWithEndpointZero(IConduit conduit, FfaVersion version) : ReferenceTransport(conduit, version)
{
    protected override RegisterSet BuildRequest(ushort self, ushort destination, DirectMessage message, Convention convention) =>
        base.BuildRequest(0, destination, message, convention);
}
