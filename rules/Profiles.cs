using FfaConformance.Scenarios.Profiles;
using FfaConformance.Scenarios.Steps;
using static FfaConformance.Scenarios.Profiles.LinkKind;
using static FfaConformance.Scenarios.Profiles.TerminalKind;

namespace FfaConformance.Rules;

/// <summary>The generation profiles rules share. A rule with a narrower focus builds its own in its file.</summary>
public static class Profiles
{
    public static readonly ChainShape ShortChains = new(EmptyWeight: 3, MaxDepth: 3, [new(Interrupt32, 3), new(Yield32, 1)]);

    /// <summary>Interrupt-only chains of depth 1…12, every depth bucket equally likely.</summary>
    public static readonly ChainShape InterruptChains = new(EmptyWeight: 0, MaxDepth: 12, [new(Interrupt32, 1)]);

    /// <summary>Several sends on the runtime path: destinations of every kind, dirty SMC32 payloads, short chains.</summary>
    public static readonly ScenarioProfile Requests = new("requests")
    {
        MaxSends = 3,
        Request = new RequestShape(NullMessagePercent: 0, DirtyPayloadPercent: 20, KnownWeight: 6, UnknownWeight: 2, BoundaryWeight: 2),
        Terminals = [new(Response, 6), new(CoreError, 1), new(Success, 1), new(UnknownFunction, 1)],
        Chain = ShortChains,
    };

    /// <summary>Boot-time and runtime sends around an ExitBootServices anywhere, with or without its context.</summary>
    public static readonly ScenarioProfile Lifecycle = new("lifecycle")
    {
        MaxSends = 4,
        Lifecycle = LifecycleShape.Mixed,
        Terminals = [new(Response, 4), new(CoreError, 1)],
        Chain = ShortChains,
    };

    /// <summary>One runtime send answered at once by one of <paramref name="kinds"/>.</summary>
    public static ScenarioProfile Final(params TerminalKind[] kinds) =>
        new($"final answer: {string.Join(", ", kinds)}") { Terminals = [.. kinds.Select(k => new Weighted<TerminalKind>(k, 1))] };

    /// <summary>One runtime send answered by a chain of <paramref name="chain"/> and then one of <paramref name="kinds"/>.</summary>
    public static ScenarioProfile Chained(ChainShape chain, params TerminalKind[] kinds) =>
        Final(kinds) with { Name = $"chains, then: {string.Join(", ", kinds)}", Chain = chain };

    /// <summary>
    /// FFA_MSG_SEND_DIRECT_REQ2 sends only, after ExitBootServices: hosted destinations (others where the target can
    /// address them) with their own, the null or another service UUID, chains of <paramref name="chain"/>, then one
    /// of <paramref name="kinds"/> as a REQ2 reads them.
    /// </summary>
    public static ScenarioProfile Requests2(ChainShape chain, params TerminalKind[] kinds) =>
        Chained(chain, kinds) with
        {
            Name = $"REQ2, chains, then: {string.Join(", ", kinds)}",
            MaxSends = 2,
            DirectRequest2Percent = 100,
            Request = new RequestShape(NullMessagePercent: 0, DirtyPayloadPercent: 0, KnownWeight: 6, UnknownWeight: 1, BoundaryWeight: 1),
        };

    /// <summary>A send and its twin differing only in <paramref name="variation"/>.</summary>
    public static ScenarioProfile Twins(TwinVariation variation, ChainShape chain, params TerminalKind[] kinds) =>
        Chained(chain, kinds) with { Name = $"twins ({variation}), then: {string.Join(", ", kinds)}", Twins = variation };

    /// <summary>
    /// Every final answer there is, after short chains; each of the eight v1.0 error codes about as often as any other
    /// kind, and the kinds a coverage gate asks for that split further (SUCCESS in two widths) weighted up, so that
    /// 100 cases (the linux target's) miss one about once in 30000 runs, not once in 30.
    /// </summary>
    public static readonly ScenarioProfile AnyAnswer = Chained(ShortChains) with
    {
        Name = "any final answer",
        MaxSends = 2,
        Terminals =
        [
            new(Response, 1), new(ResponseOtherWidth, 1), new(ResponseWrongIds, 1), new(ResponseNonZeroW2, 1), new(CoreError, 8),
            new(LaterError, 1), new(UnknownErrorCode, 1), new(Success, 3), new(SmcccUnknown, 2), new(UnknownFunction, 2),
        ],
    };
}
