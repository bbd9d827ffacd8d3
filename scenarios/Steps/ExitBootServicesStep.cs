namespace FfaConformance.Scenarios.Steps;

/// <summary>
/// ExitBootServices: the event the transport registered fires. <see cref="WithContext"/> false delivers a NULL
/// notify context, as when boot-time data was never captured (fact sheet D7).
/// </summary>
public sealed record ExitBootServicesStep(bool WithContext) : Step
{
    public override string ToString() => WithContext ? "ExitBootServices" : "ExitBootServices with a NULL event context";
}
