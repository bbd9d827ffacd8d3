using FfaConformance.Abi;
using FfaConformance.Adapters.Emulator;

namespace FfaConformance.Tests.Mutants;

/// <summary>Seed D14 (out): an SMC32 response is copied as raw 64-bit x3–x7.</summary>
public sealed class CopiesSmc32ResponseUnmasked(IConduit conduit, FfaVersion version) : ReferenceTransport(conduit, version)
{
    protected override DirectMessage CopyPayload(RegisterSet answer, Convention convention) => DirectMessage.FromPayloadRegisters(answer);
}
