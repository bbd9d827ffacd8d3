namespace FfaConformance.Adapters.Linux.Board;

/// <summary>A partition on the board's FF-A bus, as the companion reported it: a stand-in is one it registered for the managed secure world.</summary>
public sealed record BoardPartition(ushort Id, Guid Uuid, bool StandIn);
