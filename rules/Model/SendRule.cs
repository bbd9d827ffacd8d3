namespace FfaConformance.Rules.Model;

/// <summary>A rule judged send by send: which sends it exercises, and what it finds wrong in one.</summary>
public abstract class SendRule(RuleInfo info) : Rule(info)
{
    protected sealed override CaseVerdict Check(CaseView view)
    {
        List<string>? classes = null;
        foreach (var send in view.Sends)
        {
            if (!Exercises(send))
            {
                continue;
            }

            classes ??= [];
            classes.AddRange(send.StandardClasses());
            classes.AddRange(Classify(send));
            if (Violation(send) is { } finding)
            {
                return new CaseVerdict(true, finding with { Step = send.Index }, classes);
            }
        }

        return classes is null ? CaseVerdict.NotExercised : new CaseVerdict(true, null, classes);
    }

    protected abstract bool Exercises(SendView send);

    protected abstract Finding? Violation(SendView send);

    protected virtual IEnumerable<string> Classify(SendView send) => [];
}
