using FfaConformance.Scenarios.Traces;

namespace FfaConformance.Scenarios.Targets;

/// <summary>
/// One call the harness made to a real secure world on its own, outside any case — at boot, as a driver's probe asks, or
/// to survey what it answers — with what it asked in words, so that two secure worlds' answers compare call by call.
/// </summary>
public sealed record ProbeCall(string Asked, ConduitCall Call);
