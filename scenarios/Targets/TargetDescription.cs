using FfaConformance.Abi;

namespace FfaConformance.Scenarios.Targets;

/// <summary>
/// One transport under test reached through one adapter. <see cref="Version"/> is the FF-A version the
/// transport negotiates; rules use it (U-Boot negotiates v1.0).
/// </summary>
public sealed record TargetDescription(
    string Name,
    string Adapter,
    FfaVersion Version,
    TargetCapabilities Capabilities,
    Provenance Provenance)
{
    /// <summary>The endpoint ID the transport learnt once and keeps (a driver that probed at load), when it cannot take a new one per case.</summary>
    public ushort? FixedEndpointId { get; init; }

    /// <summary>The REQ2 entry takes no service UUID: it sends the destination's own (Linux since sync_send_receive2 took the UUID from the device).</summary>
    public bool OwnServiceUuidOnly { get; init; }

    /// <summary>
    /// The partitions the target's own secure world hosts, when cases go to it rather than to the managed one (a
    /// board observed): generators pick destinations from them and rules judge against them.
    /// </summary>
    public PartitionTable? Partitions { get; init; }

    /// <summary>The calls the harness made to a real secure world on its own, at boot (<see cref="ProbeCall"/>); empty otherwise.</summary>
    public IReadOnlyList<ProbeCall> SecureWorldCalls { get; init; } = [];

    /// <summary>How the transport's return values stand for the outcomes rules expect: errno for U-Boot's and Linux's.</summary>
    public ReturnConvention Returns { get; init; } = ReturnConvention.Errno;

    /// <summary>
    /// The implementation's functions a binding names (Send, Send2, Resume), so that evidence says which one a rule
    /// judged; empty for targets that are not described by a binding.
    /// </summary>
    public IReadOnlyDictionary<string, string> Entries { get; init; } = new Dictionary<string, string>();

    /// <summary>"ArmFfaLibMsgSendDirectReq(), resumed with ArmFfaLibRun()": what a request through <paramref name="entry"/> ran; null when the target names no functions.</summary>
    public string? Judged(string entry) => Entries.TryGetValue(entry, out var function)
        ? $"{function}(){(Entries.TryGetValue("Resume", out var resume) ? $", resumed with {resume}()" : string.Empty)}"
        : null;

    public bool Can(TargetCapabilities needed) => (Capabilities & needed) == needed;
}
