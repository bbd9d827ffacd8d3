namespace FfaConformance.Runner.Engine;

/// <summary>
/// How hard to look: cases per rule, the conduit-call budget of one case, and an optional replay
/// ("seed,gamma" restarts a run, "seed,gamma,size" regenerates one failing case).
/// </summary>
public sealed record RunOptions(int MaxTest, int CallBudget, string? Replay)
{
    public static readonly RunOptions Default = new(MaxTest: 300, CallBudget: 256, Replay: null);
}
