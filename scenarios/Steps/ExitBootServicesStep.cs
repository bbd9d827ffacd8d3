namespace FfaConformance.Scenarios.Steps;

/// <summary>
/// ExitBootServices: the event the transport registered fires. <see cref="WithContext"/> false delivers a NULL
/// notify context, as when boot-time data was never captured: the seed patch's notify then still enables the
/// runtime context, with endpoint ID 0 (arm-ffa-runtime.c; raised in review of the patch on the U-Boot list).
/// </summary>
public sealed record ExitBootServicesStep(bool WithContext) : Step
{
    public override string ToString() => WithContext ? "ExitBootServices" : "ExitBootServices with a NULL event context";
}
