using FfaConformance.Scenarios.Traces;

namespace FfaConformance.Rules.Model;

/// <summary>
/// A rule's judgement of one case: whether it exercised the rule, the finding if it failed, what kind of failure
/// that is, and the case's coverage classes.
/// </summary>
public sealed record CaseVerdict(bool Exercised, Finding? Finding, IReadOnlyList<string> Classes)
{
    public static readonly CaseVerdict NotExercised = new(false, null, []);

    public FailureKind Kind { get; init; }

    public bool Failed => Finding is not null;
}
