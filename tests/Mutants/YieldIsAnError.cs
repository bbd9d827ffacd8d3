using FfaConformance.Abi;
using FfaConformance.Adapters.Emulator;

namespace FfaConformance.Tests.Mutants;

/// <summary>Seed D12: FFA_YIELD is not resumed; it falls into the error path and its timeout in w2 is decoded as a code.</summary>
public sealed class YieldIsAnError(IConduit conduit, FfaVersion version) : ReferenceTransport(conduit, version)
{
    protected override Reply Classify(RegisterSet answer, Convention convention) =>
        FfaFunctions.Yield.Matches(answer.W0) ? Reply.Error : base.Classify(answer, convention);
}
