using FfaConformance.Abi;

namespace FfaConformance.Rules.Model;

/// <summary>A coverage class a run must generate, from <see cref="From"/> on (null: at every version).</summary>
public sealed record Required(string Class, FfaVersion? From = null)
{
    public static implicit operator Required(string @class) => new(@class);

    public bool AppliesAt(FfaVersion version) => From is null || From.Value <= version;
}
