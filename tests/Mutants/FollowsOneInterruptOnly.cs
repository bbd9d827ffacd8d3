using FfaConformance.Abi;
using FfaConformance.Adapters.Emulator;

namespace FfaConformance.Tests.Mutants;

/// <summary>Classic slip: one FFA_INTERRUPT is resumed, a second one is taken as an error.</summary>
public sealed class FollowsOneInterruptOnly(IConduit conduit, FfaVersion version) : ReferenceTransport(conduit, version)
{
    private int resumed;

    protected override RegisterSet BuildRequest(ushort self, ushort destination, DirectMessage message, Convention convention)
    {
        resumed = 0;
        return base.BuildRequest(self, destination, message, convention);
    }

    protected override Reply Classify(RegisterSet answer, Convention convention)
    {
        var reply = base.Classify(answer, convention);
        return reply == Reply.Resume && resumed++ > 0 ? Reply.ProtocolError : reply;
    }
}
