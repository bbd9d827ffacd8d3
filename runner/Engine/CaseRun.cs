using FfaConformance.Rules.Model;
using FfaConformance.Scenarios;
using FfaConformance.Scenarios.Traces;

namespace FfaConformance.Runner.Engine;

/// <summary>One case as it ran: the scenario, what the target did with it, and the rule's verdict.</summary>
public sealed record CaseRun(Scenario Scenario, Trace Trace, CaseVerdict Verdict);
