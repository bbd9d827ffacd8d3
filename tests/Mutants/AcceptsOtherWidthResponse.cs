using FfaConformance.Abi;
using FfaConformance.Adapters.Emulator;

namespace FfaConformance.Tests.Mutants;

/// <summary>Seed D1: a DIRECT_RESP of either width completes the request, its x3–x7 copied as they are.</summary>
public sealed class AcceptsOtherWidthResponse(IConduit conduit, FfaVersion version) : ReferenceTransport(conduit, version)
{
    protected override Reply Classify(RegisterSet answer, Convention convention) =>
        FfaFunctions.DirectResponse.Matches(answer.W0) ? Reply.Response : base.Classify(answer, convention);

    protected override DirectMessage CopyPayload(RegisterSet answer, Convention convention) => DirectMessage.FromPayloadRegisters(answer);
}
