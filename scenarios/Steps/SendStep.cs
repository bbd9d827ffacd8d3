namespace FfaConformance.Scenarios.Steps;

/// <summary>The caller sends a direct request through an entry; the secure world answers from the script.</summary>
public sealed record SendStep(Entry Entry, DirectRequest Request, Script Script) : Step
{
    public override string ToString() =>
        $"{(Entry == Entry.Runtime ? "runtime" : "boot-time")} send {Request}\n      script: {Script}";
}
