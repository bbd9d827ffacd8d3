using FfaConformance.Abi;
using FfaConformance.Adapters.Emulator;

namespace FfaConformance.Tests.Mutants;

/// <summary>Classic slip: the request goes through SMC, FFA_RUN through HVC.</summary>
public sealed class ResumesThroughHvc(IConduit conduit, FfaVersion version) : ReferenceTransport(conduit, version)
{
    protected override RegisterSet Call(RegisterSet arguments) =>
        FfaFunctions.Run.Matches(arguments.W0) ? Conduit.Call(ConduitKind.Hvc, arguments) : base.Call(arguments);
}
