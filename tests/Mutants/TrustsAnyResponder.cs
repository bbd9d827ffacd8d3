using FfaConformance.Abi;
using FfaConformance.Adapters.Emulator;

namespace FfaConformance.Tests.Mutants;

/// <summary>Seed D15 (and Linux): a response's w1 is not checked.</summary>
public sealed class TrustsAnyResponder(IConduit conduit, FfaVersion version) : ReferenceTransport(conduit, version)
{
    protected override int Complete(RegisterSet answer, ushort self, ushort destination, IReadOnlyList<ushort> resumed, MessageBuffer message, Convention convention) =>
        base.Complete(answer.With(1, new EndpointPair(destination, self).Packed), self, destination, resumed, message, convention);
}
