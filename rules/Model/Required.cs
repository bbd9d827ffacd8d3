using FfaConformance.Abi;
using FfaConformance.Scenarios.Targets;

namespace FfaConformance.Rules.Model;

/// <summary>
/// A coverage class a run must generate, from <see cref="From"/> on (null: at every version), on a target that
/// can take what the class needs (<see cref="Needs"/>: an SMC32 request is no class of a target whose entry has no width).
/// </summary>
public sealed record Required(string Class, FfaVersion? From = null, TargetCapabilities Needs = TargetCapabilities.None)
{
    public static implicit operator Required(string @class) => new(@class);

    /// <summary>A class of SMC32 requests, which only a target whose entry takes the width can generate.</summary>
    public static Required Smc32(string @class) => new(@class, Needs: TargetCapabilities.Smc32Request);

    public bool AppliesTo(TargetDescription target) => (From is null || From.Value <= target.Version) && target.Can(Needs);
}
