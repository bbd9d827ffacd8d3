using FfaConformance.Abi;
using FfaConformance.Adapters.Emulator;

namespace FfaConformance.Tests.Mutants;

/// <summary>Classic slip (edk2 PR #12800): FFA_RUN resumes the original destination, vCPU 0, not the context named in w1.</summary>
public sealed class RunsOriginalDestination(IConduit conduit, FfaVersion version) : ReferenceTransport(conduit, version)
{
    private ushort destination;

    protected override RegisterSet BuildRequest(ushort self, ushort destination, DirectMessage message, Convention convention)
    {
        this.destination = destination;
        return base.BuildRequest(self, destination, message, convention);
    }

    protected override RegisterSet BuildRun(RegisterSet resumption) =>
        RegisterSet.Of(FfaFunctions.Run.Id(Convention.Smc32).Value, new TargetInfo(destination, 0).Packed);
}
