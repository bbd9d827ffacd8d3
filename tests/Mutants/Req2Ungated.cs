using FfaConformance.Abi;
using FfaConformance.Adapters.Emulator;

namespace FfaConformance.Tests.Mutants;

/// <summary>The REQ2 entry does not check the negotiated version: a v1.1 secure world gets a call it does not have.</summary>
public sealed class Req2Ungated(IConduit conduit, FfaVersion version) : ReferenceTransport(conduit, version)
{
    protected override bool HasDirectRequest2 => true;
}
