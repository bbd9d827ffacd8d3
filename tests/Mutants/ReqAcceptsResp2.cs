using FfaConformance.Abi;
using FfaConformance.Adapters.Emulator;

namespace FfaConformance.Tests.Mutants;

/// <summary>A direct request completed by a DIRECT_RESP2, as if the two interfaces were one.</summary>
public sealed class ReqAcceptsResp2(IConduit conduit, FfaVersion version) : ReferenceTransport(conduit, version)
{
    protected override Reply Classify(RegisterSet answer, Convention convention) =>
        FfaFunctions.DirectResponse2.Matches(answer.W0) ? Reply.Response : base.Classify(answer, convention);
}
