using FfaConformance.Abi;
using FfaConformance.Adapters.Emulator;

namespace FfaConformance.Tests.Mutants;

/// <summary>Seed D4: FFA_SUCCESS of either width returns 0 ("message sent with no response").</summary>
public sealed class SuccessCompletes(IConduit conduit, FfaVersion version) : ReferenceTransport(conduit, version)
{
    protected override int ProtocolError(RegisterSet answer) =>
        FfaFunctions.Success.Matches(answer.W0) ? 0 : base.ProtocolError(answer);
}
