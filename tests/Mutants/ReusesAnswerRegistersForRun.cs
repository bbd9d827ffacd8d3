using FfaConformance.Abi;
using FfaConformance.Adapters.Emulator;

namespace FfaConformance.Tests.Mutants;

/// <summary>Classic slip: FFA_RUN is built in the answer's register block, so x2–x17 keep what the secure world left.</summary>
public sealed class ReusesAnswerRegistersForRun(IConduit conduit, FfaVersion version) : ReferenceTransport(conduit, version)
{
    protected override RegisterSet BuildRun(RegisterSet resumption) =>
        resumption.With(0, FfaFunctions.Run.Id(Convention.Smc32).Value).With(1, resumption.W1);
}
