namespace FfaConformance.Scenarios.Steps;

/// <summary>
/// SetVirtualAddressMap, as an OS calls it after ExitBootServices: the firmware relocates its runtime region for
/// the virtual addresses the OS chose, and from then on every runtime call runs there, with nothing of the region
/// left at its physical address (UEFI 2.10 §8.4).
/// </summary>
public sealed record SetVirtualAddressMapStep : Step
{
    public static readonly SetVirtualAddressMapStep Instance = new();

    public override string ToString() => "SetVirtualAddressMap";
}
