namespace FfaConformance.Scenarios;

/// <summary>Which entry of the transport a request goes through.</summary>
public enum Entry
{
    /// <summary>The boot-time path (U-Boot's driver-model op), valid until ExitBootServices.</summary>
    BootTime,

    /// <summary>The EFI runtime entry, gated until the runtime context is enabled at ExitBootServices.</summary>
    Runtime,
}
