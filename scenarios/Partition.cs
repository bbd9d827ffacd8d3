namespace FfaConformance.Scenarios;

/// <summary>A secure partition as FFA_PARTITION_INFO_GET describes it.</summary>
public sealed record Partition(ushort Id, Guid Uuid, ushort ExecutionContexts, uint Properties);
