using FfaConformance.Runner.Engine;

namespace FfaConformance.Runner.Expectations;

/// <summary>A rule's result on a target, judged against that target's expectations.</summary>
public sealed record JudgedResult(RuleResult Result, Judgement Judgement);
