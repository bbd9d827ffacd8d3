using FfaConformance.Abi;
using FfaConformance.Adapters.Emulator;

namespace FfaConformance.Tests.Mutants;

/// <summary>Seed D15: a response's w2 is not checked, so a framework message completes a partition message.</summary>
public sealed class IgnoresResponseFlags(IConduit conduit, FfaVersion version) : ReferenceTransport(conduit, version)
{
    protected override int Complete(RegisterSet answer, ushort self, ushort destination, IReadOnlyList<ushort> resumed, MessageBuffer message, Convention convention) =>
        base.Complete(answer.With(2, 0), self, destination, resumed, message, convention);
}
