using FfaConformance.Abi;
using FfaConformance.Adapters.Emulator;

namespace FfaConformance.Tests.Mutants;

/// <summary>Seed D11 for SMCCC: NOT_SUPPORTED in w0 is just another unknown reply.</summary>
public sealed class IgnoresSmcccNotSupported(IConduit conduit, FfaVersion version) : ReferenceTransport(conduit, version)
{
    protected override Reply Classify(RegisterSet answer, Convention convention) =>
        base.Classify(answer, convention) is var reply && reply == Reply.NotSupported ? Reply.ProtocolError : reply;
}
