using FfaConformance.Abi;
using FfaConformance.Adapters.Emulator;

namespace FfaConformance.Tests.Mutants;

/// <summary>Seed D13 (and Linux): resumptions are not bounded.</summary>
public sealed class ResumesWithoutBound(IConduit conduit, FfaVersion version) : ReferenceTransport(conduit, version)
{
    protected override int ResumptionLimit => int.MaxValue;
}
