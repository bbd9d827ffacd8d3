namespace FfaConformance.Runner.Engine;

/// <summary>
/// How hard to look: cases per rule, the conduit-call budget of one case, and an optional replay
/// ("seed,gamma" restarts a run, "seed,gamma,size" regenerates one failing case). What a run uses when nothing is
/// configured is the shipped defaults file's (<c>SettingsLoader.DefaultOptions</c>).
/// </summary>
public sealed record RunOptions(int MaxTest, int CallBudget, string? Replay);
