using FfaConformance.Abi;
using FfaConformance.Adapters.Emulator;

namespace FfaConformance.Tests.Mutants;

/// <summary>A retry on FFA_ERROR(BUSY) inside the transport (edk2 discussion): the request is sent once more.</summary>
public sealed class RetriesBusy(IConduit conduit, FfaVersion version) : ReferenceTransport(conduit, version)
{
    private RegisterSet request = RegisterSet.Zero;

    protected override RegisterSet BuildRequest(ushort self, ushort destination, DirectMessage message, Convention convention) =>
        request = base.BuildRequest(self, destination, message, convention);

    protected override int MapError(int code) =>
        code == (int)FfaError.Busy && Call(request) is var again && FfaFunctions.DirectResponse.Matches(again.W0) ? 0 : base.MapError(code);
}
