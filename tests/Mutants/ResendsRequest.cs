using FfaConformance.Abi;
using FfaConformance.Adapters.Emulator;

namespace FfaConformance.Tests.Mutants;

/// <summary>Classic slip: after FFA_INTERRUPT the request is sent again instead of FFA_RUN.</summary>
public sealed class ResendsRequest(IConduit conduit, FfaVersion version) : ReferenceTransport(conduit, version)
{
    private RegisterSet request = RegisterSet.Zero;

    protected override RegisterSet BuildRequest(ushort self, ushort destination, DirectMessage message, Convention convention) =>
        request = base.BuildRequest(self, destination, message, convention);

    protected override RegisterSet BuildRun(RegisterSet resumption) => request;
}
