using FfaConformance.Scenarios.Traces;

namespace FfaConformance.Adapters.Qemu.Machine;

/// <summary>How a run of the guest ended.</summary>
internal abstract record LoopEnd;

/// <summary>The guest reached the address the command returns to.</summary>
internal sealed record ReachedReturn(ulong[] Registers) : LoopEnd;

/// <summary>The guest stopped at one of the fault stops (a vector entry or a park).</summary>
internal sealed record HitFault(ulong Pc) : LoopEnd;

/// <summary>The secure world refused a call: the guest is stopped at that conduit instruction.</summary>
internal sealed record Ordered(Stopped Order, ulong[] Registers) : LoopEnd;

/// <summary>The guest hung, QEMU went away, or the guest stopped somewhere unexpected: the machine is lost.</summary>
internal sealed record Lost(Stopped Outcome) : LoopEnd;
