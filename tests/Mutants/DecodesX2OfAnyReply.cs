using FfaConformance.Abi;
using FfaConformance.Adapters.Emulator;

namespace FfaConformance.Tests.Mutants;

/// <summary>Seed D11: an unrecognised w0 is reported with the error code read from its x2.</summary>
public sealed class DecodesX2OfAnyReply(IConduit conduit, FfaVersion version) : ReferenceTransport(conduit, version)
{
    protected override int ProtocolError(RegisterSet answer) => MapError((int)answer.W2);
}
