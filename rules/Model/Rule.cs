using FfaConformance.Scenarios.Traces;

namespace FfaConformance.Rules.Model;

/// <summary>One invariant of the runtime transport, checked case by case.</summary>
public abstract class Rule(RuleInfo info)
{
    public RuleInfo Info { get; } = info;

    public string Id => Info.Id;

    /// <summary>
    /// The rule's verdict on a case, with one judgement every rule shares: a case in which the harness had to stop
    /// the target (a crash, a hang, a livelock, a residency violation, a call after the final answer) is never a
    /// passing case, whether or not the rule's own check reached the stopped step.
    /// </summary>
    public CaseVerdict Judge(CaseView view)
    {
        var verdict = view.Unread is { } unread ? new CaseVerdict(false, null, [UnreadClass(unread)]) : Check(view);
        if (verdict.Finding is { } finding)
        {
            return verdict with { Kind = FailureKinds.Of(view.Trace.Steps[finding.Step].Outcome) };
        }

        for (var i = 0; i < view.Trace.Steps.Length; i++)
        {
            if (view.Trace.Steps[i].Outcome is Stopped stopped)
            {
                var calls = view.Trace.Steps[i].Calls.Length;
                return new CaseVerdict(true, Stop(stopped) with { Step = i, Call = calls == 0 ? null : calls - 1 }, verdict.Classes)
                {
                    Kind = FailureKinds.Of(stopped),
                };
            }
        }

        return verdict;
    }

    public override string ToString() => Id;

    /// <summary>The class of a case a real secure world answered outside the generators: by the function it answered.</summary>
    public static string UnreadClass(ConduitCall call) => $"unread answer {Abi.FfaFunctions.Describe(call.Answer!.W0)}";

    /// <summary>What the rule finds in one case, before the shared judgement of stopped cases.</summary>
    protected abstract CaseVerdict Check(CaseView view);

    private static Finding Stop(Stopped stopped) => new(
        StopReasons.Of(stopped.Reason).Finding + stopped.Detail,
        null,
        FindingField.Outcome,
        "a return",
        Stopped.Describe(stopped.Reason));
}
