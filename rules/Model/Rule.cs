namespace FfaConformance.Rules.Model;

/// <summary>One invariant of the runtime transport, checked case by case.</summary>
public abstract class Rule(RuleInfo info)
{
    public RuleInfo Info { get; } = info;

    public string Id => Info.Id;

    public abstract CaseVerdict Check(CaseView view);

    public override string ToString() => Id;
}
