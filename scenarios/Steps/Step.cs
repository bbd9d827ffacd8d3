namespace FfaConformance.Scenarios.Steps;

/// <summary>One thing a scenario does to the target, in order.</summary>
public abstract record Step;
