using FfaConformance.Abi;
using FfaConformance.Adapters.Emulator;

namespace FfaConformance.Tests.Mutants;

/// <summary>Classic slip: w2 carries a flag (here the framework-message bit) in a partition message.</summary>
public sealed class SetsFlagsInW2(IConduit conduit, FfaVersion version) : ReferenceTransport(conduit, version)
{
    protected override RegisterSet BuildRequest(ushort self, ushort destination, DirectMessage message, Convention convention) =>
        base.BuildRequest(self, destination, message, convention).With(2, 0x8000_0000);
}
