namespace FfaConformance.Scenarios.Profiles;

/// <summary>Where ExitBootServices falls among the steps.</summary>
public enum LifecycleShape
{
    /// <summary>ExitBootServices (with its context) first, then runtime sends: the runtime path under test.</summary>
    RuntimeAfterExit,

    /// <summary>ExitBootServices, then SetVirtualAddressMap, then runtime sends: the runtime path at the OS's virtual addresses.</summary>
    RuntimeAfterVirtualMap,

    /// <summary>Boot-time and runtime sends around an ExitBootServices at any point, with or without a context, or none.</summary>
    Mixed,
}
