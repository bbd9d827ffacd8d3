using FfaConformance.Abi;
using FfaConformance.Adapters.Emulator;

namespace FfaConformance.Tests.Mutants;

/// <summary>Classic slip: the response is copied one register early, data0–data4 from x2–x6.</summary>
public sealed class ReadsPayloadFromX2(IConduit conduit, FfaVersion version) : ReferenceTransport(conduit, version)
{
    protected override DirectMessage CopyPayload(RegisterSet answer, Convention convention) =>
        base.CopyPayload(RegisterSet.From([0, 0, 0, answer[2], answer[3], answer[4], answer[5], answer[6]]), convention);
}
