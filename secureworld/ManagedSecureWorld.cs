using FfaConformance.Abi;
using FfaConformance.Scenarios;

namespace FfaConformance.SecureWorld;

/// <summary>The managed secure world: one per run, serving every adapter the same way.</summary>
public sealed class ManagedSecureWorld(PartitionTable partitions, FfaVersion implemented)
{
    private readonly BootAbis bootAbis = new(partitions, implemented);

    public PartitionTable Partitions { get; } = partitions;

    public FfaVersion Implemented => bootAbis.Implemented;

    public CaseSession Begin(Scenario scenario, int callBudget) => new(bootAbis, scenario, callBudget);
}
