namespace FfaConformance.SecureWorld;

/// <summary>Bytes the secure world writes into the caller's memory with an answer (a partition descriptor into its RX buffer), by physical address.</summary>
public sealed record MemoryWrite(ulong Address, byte[] Bytes);
