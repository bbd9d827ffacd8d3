using FfaConformance.Abi;
using FfaConformance.Adapters.Emulator;

namespace FfaConformance.Tests.Mutants;

/// <summary>Seed D2: 0xC4000062 is resumed at any version (with FFA_RUN_32).</summary>
public sealed class ResumesInterrupt64(IConduit conduit, FfaVersion version) : ReferenceTransport(conduit, version)
{
    protected override Reply Classify(RegisterSet answer, Convention convention) =>
        answer.W0 == FfaFunctions.Interrupt.Id(Convention.Smc64).Value ? Reply.Resume : base.Classify(answer, convention);
}
