namespace FfaConformance.Runner.Engine;

/// <summary>
/// Where a rule's interrupted run picks up, with the same seed: cases before <see cref="Skip"/> + 1 passed
/// before and are generated again but not run; case <see cref="Lost"/>, when set, was running when the run
/// stopped and is not run again — it is the rule's failing case unless a later one fails.
/// </summary>
public sealed record Resumption(string Seed, int Skip, int? Lost);
