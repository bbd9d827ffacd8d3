using FfaConformance.Scenarios.Steps;
using FfaConformance.Scenarios.Traces;

namespace FfaConformance.Rules.Model;

/// <summary>
/// A rule of the form "X never changes the result": each twin of <see cref="Variation"/> must behave exactly as
/// its original — the same calls issued, the same return value, the same message left behind.
/// </summary>
public abstract class TwinRule(RuleInfo info, TwinVariation variation) : Rule(info)
{
    public TwinVariation Variation { get; } = variation;

    protected sealed override CaseVerdict Check(CaseView view)
    {
        List<string>? classes = null;
        foreach (var twin in view.Sends.Where(s => s.Twin?.Variation == Variation))
        {
            var original = view.SendAt(twin.Twin!.Of);
            // Only twins whose entries are both open are comparable (shrinking may drop the ExitBootServices
            // between them), and only if both ran: after a stop the twin never does, and other rules judge the stop.
            if (original is null || !twin.EntryOpen || twin.Trace.Outcome is NotRun || !Exercises(original))
            {
                continue;
            }

            classes ??= [];
            classes.AddRange(original.StandardClasses());
            classes.AddRange(Classify(original, twin));
            if (Difference(original, twin) is { } difference)
            {
                return new CaseVerdict(true, difference with { Step = twin.Index }, classes);
            }

            if (Also(original) is { } finding)
            {
                return new CaseVerdict(true, finding with { Step = original.Index }, classes);
            }
        }

        return classes is null ? CaseVerdict.NotExercised : new CaseVerdict(true, null, classes);
    }

    protected abstract bool Exercises(SendView original);

    protected virtual IEnumerable<string> Classify(SendView original, SendView twin) => [];

    /// <summary>A check of the original besides the comparison; none by default.</summary>
    protected virtual Finding? Also(SendView original) => null;

    private Finding? Difference(SendView original, SendView twin)
    {
        var a = original.Trace;
        var b = twin.Trace;
        for (var i = 0; i < Math.Min(a.Calls.Length, b.Calls.Length); i++)
        {
            if (!a.Calls[i].Issued.Equals(b.Calls[i].Issued))
            {
                return new Finding($"{Describe()} changed call #{i + 1} the target issued", i, FindingField.IssuedRegisters, a.Calls[i].Issued.ToString(), b.Calls[i].Issued.ToString());
            }
        }

        if (a.Calls.Length != b.Calls.Length)
        {
            return new Finding($"{Describe()} changed how many calls the target issued", null, FindingField.CallCount, $"{a.Calls.Length}", $"{b.Calls.Length}");
        }

        return a.Outcome == b.Outcome
            ? null
            : new Finding($"{Describe()} changed the result", null, FindingField.Outcome, a.Outcome.Describe(original.Returns), b.Outcome.Describe(original.Returns));
    }

    private string Describe() => Variation switch
    {
        TwinVariation.X0UpperHalf => "setting x0[63:32] in the answers",
        TwinVariation.ErrorCodeExtension => "widening FFA_ERROR's code differently into x2",
        TwinVariation.YieldTimeout => "changing FFA_YIELD's timeout hint",
        TwinVariation.UnexpectedX2 => "changing x2 of an unexpected reply",
        _ => "going through the runtime entry instead of the boot-time one",
    };
}
