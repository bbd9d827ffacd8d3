using FfaConformance.Abi;
using FfaConformance.Scenarios.Targets;

namespace FfaConformance.Rules.Model;

/// <summary>
/// When a rule can be checked on a target: capabilities it needs, the versions it is stated for and, for a rule that
/// states one convention's values (an errno table), the return convention.
/// </summary>
public sealed record Applicability(TargetCapabilities Needs, FfaVersion? From = null, FfaVersion? Below = null)
{
    /// <summary>The return convention whose values the rule states; null: any, read through the target's convention.</summary>
    public ReturnConvention? Returns { get; init; }

    public static readonly Applicability Scriptable = new(TargetCapabilities.ScriptableSecureWorld);

    public static readonly Applicability Lifecycle = new(TargetCapabilities.ScriptableSecureWorld | TargetCapabilities.Lifecycle);

    /// <summary>A REQ2 entry on a target that negotiated FF-A v1.2 or later.</summary>
    public static readonly Applicability DirectRequest2 = new(TargetCapabilities.ScriptableSecureWorld | TargetCapabilities.DirectRequest2, From: FfaVersion.V1_2);

    /// <summary>
    /// A rule that holds whatever the secure world answers: it reads what the transport sent, never what a script
    /// made the secure world say, so it also applies where a real secure world answers (a board observed).
    /// </summary>
    public static readonly Applicability AnyAnswer = new(TargetCapabilities.None);

    /// <summary><see cref="AnyAnswer"/> for the REQ2 entry, at FF-A v1.2 and later.</summary>
    public static readonly Applicability DirectRequest2AnyAnswer = new(TargetCapabilities.DirectRequest2, From: FfaVersion.V1_2);

    /// <summary>
    /// The rule judges what the secure world answered, so on a target a real secure world answers it is judged on the
    /// answers recorded (<see cref="AnsweredScenario"/>), and a class of answer it never gave is not exercised, not a gap.
    /// </summary>
    public bool ReadsAnswers => Needs.HasFlag(TargetCapabilities.ScriptableSecureWorld);

    /// <summary>
    /// Null when the rule applies; otherwise why not, for the skip message. A real secure world stands in for a scripted
    /// one: its recorded answers are the script (<see cref="ReadsAnswers"/>).
    /// </summary>
    public string? WhyNot(TargetDescription target)
    {
        var missing = Needs & ~target.Capabilities & ~TargetCapabilities.ScriptableSecureWorld;
        if (missing != TargetCapabilities.None)
        {
            return $"needs {Describe(missing)}, which {target.Name} (through the {target.Adapter} adapter) does not provide";
        }

        if (Returns is { } returns && target.Returns != returns)
        {
            return $"states the {returns.Id} convention's values; {target.Name} returns {target.Returns.Id}";
        }

        if (From is { } from && target.Version < from)
        {
            return $"stated for FF-A {from} and later; {target.Name} negotiates {target.Version}";
        }

        if (Below is { } below && target.Version >= below)
        {
            return $"stated for versions before FF-A {below}; {target.Name} negotiates {target.Version}";
        }

        return null;
    }

    public override string ToString()
    {
        var parts = new List<string> { Needs == TargetCapabilities.None ? "any secure world, scripted or real" : Describe(Needs) };
        if (From is { } from)
        {
            parts.Add($"FF-A ≥ {from}");
        }

        if (Below is { } below)
        {
            parts.Add($"FF-A < {below}");
        }

        if (Returns is { } returns)
        {
            parts.Add($"returns {returns.Id}");
        }

        return string.Join("; ", parts);
    }

    private static string Describe(TargetCapabilities capabilities) => string.Join(", ",
        Enum.GetValues<TargetCapabilities>()
            .Where(c => c != TargetCapabilities.None && c != TargetCapabilities.All && capabilities.HasFlag(c))
            .Select(c => c switch
            {
                TargetCapabilities.ScriptableSecureWorld => "the secure world's answers (scripted, or recorded from a real one)",
                TargetCapabilities.Lifecycle => "lifecycle control (boot data, ExitBootServices)",
                TargetCapabilities.BootEntry => "a boot-time entry",
                TargetCapabilities.NullMessage => "passing a NULL message",
                TargetCapabilities.Residency => "runtime-only memory mapping (real code with an MMU)",
                TargetCapabilities.AnyDestination => "addressing an endpoint the secure world does not host",
                TargetCapabilities.DirectRequest2 => "an FFA_MSG_SEND_DIRECT_REQ2 entry",
                TargetCapabilities.Smc32Request => "an entry that takes the request's width (SMC32 as well as SMC64)",
                TargetCapabilities.VirtualAddressMap => "SetVirtualAddressMap (the runtime region relocated by its relocations and mapped at new virtual addresses)",
                _ => c.ToString(),
            }));
}
