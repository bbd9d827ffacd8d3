using FfaConformance.Scenarios.Steps;

namespace FfaConformance.Scenarios.Profiles;

/// <summary>
/// What a rule wants generated, as data: how many sends, where ExitBootServices falls, the request mix, the
/// final answers and chains, noise, twins, and whether the last script never ends. Generators read it;
/// shrinking moves toward one send, depth 0, payload 0 and the first partition.
/// </summary>
public sealed record ScenarioProfile(string Name)
{
    public int MinSends { get; init; } = 1;

    public int MaxSends { get; init; } = 1;

    public LifecycleShape Lifecycle { get; init; } = LifecycleShape.RuntimeAfterExit;

    public RequestShape Request { get; init; } = RequestShape.Valid;

    public IReadOnlyList<Weighted<TerminalKind>> Terminals { get; init; } = [new(TerminalKind.Response, 1)];

    public ChainShape Chain { get; init; } = ChainShape.None;

    /// <summary>Percentage of answers with noise a caller must ignore (x8–x17, SMC32 upper halves).</summary>
    public int NoisePercent { get; init; } = 25;

    /// <summary>When set, every case is one send and its twin differing only in this.</summary>
    public TwinVariation? Twins { get; init; }

    /// <summary>Percentage of sends made through the transport's FFA_MSG_SEND_DIRECT_REQ2 entry rather than its direct-request entry.</summary>
    public int DirectRequest2Percent { get; init; }

    /// <summary>When true, the last send's secure world answers with resumptions forever.</summary>
    public bool Endless { get; init; }

    public override string ToString() => Name;
}
