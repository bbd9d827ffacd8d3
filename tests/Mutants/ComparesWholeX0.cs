using FfaConformance.Abi;
using FfaConformance.Adapters.Emulator;

namespace FfaConformance.Tests.Mutants;

/// <summary>Seed (INV-RESP-W0-32): replies are classified by all 64 bits of x0, so x0[63:32] ≠ 0 looks unknown.</summary>
public sealed class ComparesWholeX0(IConduit conduit, FfaVersion version) : ReferenceTransport(conduit, version)
{
    protected override Reply Classify(RegisterSet answer, Convention convention) =>
        answer.X0 > uint.MaxValue ? Reply.ProtocolError : base.Classify(answer, convention);
}
