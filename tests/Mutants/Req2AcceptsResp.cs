using FfaConformance.Abi;
using FfaConformance.Adapters.Emulator;

namespace FfaConformance.Tests.Mutants;

/// <summary>A REQ2 completed by a DIRECT_RESP of either width, as if the two interfaces were one.</summary>
public sealed class Req2AcceptsResp(IConduit conduit, FfaVersion version) : ReferenceTransport(conduit, version)
{
    protected override Reply Classify2(RegisterSet answer) =>
        FfaFunctions.DirectResponse.Matches(answer.W0) ? Reply.Response : base.Classify2(answer);
}
