using FfaConformance.Abi;
using FfaConformance.Adapters.Emulator;

namespace FfaConformance.Tests.Mutants;

/// <summary>The REQ2 path written without the resumption loop: an interrupted REQ2 fails instead of being resumed with FFA_RUN.</summary>
public sealed class Req2GivesUpOnInterrupt(IConduit conduit, FfaVersion version) : ReferenceTransport(conduit, version)
{
    protected override Reply Classify2(RegisterSet answer) =>
        base.Classify2(answer) is var reply && reply == Reply.Resume ? Reply.ProtocolError : reply;
}
