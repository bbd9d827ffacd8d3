namespace FfaConformance.Scenarios.Targets;

/// <summary>What an adapter can do to its target; rules that need more are reported as not applicable.</summary>
[Flags]
public enum TargetCapabilities
{
    None = 0,

    /// <summary>Every conduit call reaches the managed secure world, which answers from a script.</summary>
    ScriptableSecureWorld = 1,

    /// <summary>Boot-time data and the ExitBootServices event are under the harness's control.</summary>
    Lifecycle = 2,

    /// <summary>The transport has a boot-time entry besides the runtime one.</summary>
    BootEntry = 4,

    /// <summary>A NULL message pointer can be passed.</summary>
    NullMessage = 8,

    /// <summary>After ExitBootServices the runtime entry runs with only runtime memory mapped, on real code.</summary>
    Residency = 16,

    /// <summary>A request can name any destination, also one the secure world does not host.</summary>
    AnyDestination = 32,

    /// <summary>The transport has an FFA_MSG_SEND_DIRECT_REQ2 entry (FF-A v1.2).</summary>
    DirectRequest2 = 64,

    /// <summary>
    /// SetVirtualAddressMap can be played: the runtime region is relocated by its own relocations and mapped only at
    /// a new virtual address, on real code with an MMU.
    /// </summary>
    VirtualAddressMap = 128,

    /// <summary>The caller chooses the request's width: SMC32 as well as SMC64 (an entry without that choice sends SMC64).</summary>
    Smc32Request = 256,

    /// <summary>Everything a managed target can offer (residency needs real code and an MMU).</summary>
    All = ScriptableSecureWorld | Lifecycle | BootEntry | NullMessage | AnyDestination | DirectRequest2 | Smc32Request,
}
