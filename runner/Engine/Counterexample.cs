using FfaConformance.Rules.Model;
using FfaConformance.Scenarios;
using FfaConformance.Scenarios.Traces;

namespace FfaConformance.Runner.Engine;

/// <summary>
/// A shrunk failing case: the scenario, what the target did with it, what the rule found, and the FsCheck
/// replay string ("seed,gamma,size") that regenerates the failing case directly.
/// </summary>
public sealed record Counterexample(Scenario Scenario, Trace Trace, Finding Finding, string Replay, int TestsRun, int Shrinks);
