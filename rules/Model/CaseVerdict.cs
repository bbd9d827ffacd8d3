namespace FfaConformance.Rules.Model;

/// <summary>A rule's judgement of one case: whether it exercised the rule, the finding if it failed, and its coverage classes.</summary>
public sealed record CaseVerdict(bool Exercised, Finding? Finding, IReadOnlyList<string> Classes)
{
    public static readonly CaseVerdict NotExercised = new(false, null, []);

    public bool Failed => Finding is not null;
}
