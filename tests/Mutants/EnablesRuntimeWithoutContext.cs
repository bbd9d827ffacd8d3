using FfaConformance.Abi;
using FfaConformance.Adapters.Emulator;
using FfaConformance.Scenarios.Targets;

namespace FfaConformance.Tests.Mutants;

/// <summary>Seed D7: a NULL ExitBootServices context still enables the runtime path, with endpoint ID 0.</summary>
public sealed class EnablesRuntimeWithoutContext(IConduit conduit, FfaVersion version) : ReferenceTransport(conduit, version)
{
    public override void OnExitBootServices(BootData? context) => base.OnExitBootServices(context ?? new BootData(0, Version));
}
