namespace FfaConformance.Scenarios.Profiles;

/// <summary>A choice and its relative weight in a generator's mix.</summary>
public sealed record Weighted<T>(T Value, int Weight);
