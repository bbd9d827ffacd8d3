namespace FfaConformance.Rules.Model;

/// <summary>A rule judged REQ2 by REQ2: which sends it exercises, and what it finds wrong in one.</summary>
public abstract class Send2Rule(RuleInfo info) : Rule(info)
{
    protected sealed override CaseVerdict Check(CaseView view) => RequestChecks.Each(view.Sends2, Exercises, Classify, Violation);

    protected abstract bool Exercises(Send2View send);

    protected abstract Finding? Violation(Send2View send);

    protected virtual IEnumerable<string> Classify(Send2View send) => [];
}
