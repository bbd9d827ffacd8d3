namespace FfaConformance.Rules.Model;

/// <summary>A rule judged send by send: which sends it exercises, and what it finds wrong in one.</summary>
public abstract class SendRule(RuleInfo info) : Rule(info)
{
    protected sealed override CaseVerdict Check(CaseView view) => RequestChecks.Each(view.Sends, Exercises, Classify, Violation);

    protected abstract bool Exercises(SendView send);

    protected abstract Finding? Violation(SendView send);

    protected virtual IEnumerable<string> Classify(SendView send) => [];
}
