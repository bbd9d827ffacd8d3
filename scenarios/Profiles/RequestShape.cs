namespace FfaConformance.Scenarios.Profiles;

/// <summary>How requests vary: percentages of NULL messages and of SMC32 payload words with bits[63:32] set, and the destination mix.</summary>
public sealed record RequestShape(int NullMessagePercent, int DirtyPayloadPercent, int KnownWeight, int UnknownWeight, int BoundaryWeight)
{
    public static readonly RequestShape Valid = new(0, 0, 1, 0, 0);
}
