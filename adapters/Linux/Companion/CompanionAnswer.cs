using FfaConformance.Abi;
using FfaConformance.SecureWorld;

namespace FfaConformance.Adapters.Linux.Companion;

/// <summary>What a companion's call is answered with: the registers, whether the case runs no further step, and the memory the secure world's answer writes first.</summary>
internal sealed record CompanionAnswer(RegisterSet Registers, bool Abort, IReadOnlyList<MemoryWrite> Writes);
