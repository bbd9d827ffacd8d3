using FfaConformance.Scenarios.Traces;

namespace FfaConformance.Adapters.Emulator;

/// <summary>Unwinds a managed transport when the secure world orders a stop (budget or script exhausted).</summary>
public sealed class TargetStoppedException(Stopped stopped) : Exception(stopped.Detail)
{
    public Stopped Stopped { get; } = stopped;
}
