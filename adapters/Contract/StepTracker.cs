using FfaConformance.Scenarios.Traces;
using FfaConformance.SecureWorld;

namespace FfaConformance.Adapters.Contract;

/// <summary>
/// Keeps the session's steps in line with a target that runs a whole case without stopping between steps (our
/// QEMU firmware, the Linux companion, a board): each trapped call names its step (x18 in our firmware, the
/// companion's running step on Linux and a board), steps are begun in order as calls arrive, and the outcomes,
/// read at the end, settle them.
/// </summary>
internal sealed class StepTracker(CaseSession session)
{
    private int open = -1;
    private int next;

    /// <summary>A call of step <paramref name="index"/> is about to be answered.</summary>
    public void At(int index)
    {
        if (index == open)
        {
            return;
        }

        if (index < next || index >= session.Scenario.Steps.Length)
        {
            throw new InvalidOperationException(
                $"a trapped call names step {index + 1} while step {open + 1} runs: the steps went out of order (in our firmware, x18 was changed by code not built with -ffixed-x18)");
        }

        Close();
        while (next < index)
        {
            session.BeginStep(next++);
            session.EndStep(NotRun.Instance);
        }

        session.BeginStep(index);
        open = index;
        next = index + 1;
    }

    /// <summary>The case is over: <paramref name="outcomes"/> are those of the first steps, the last possibly a stop.</summary>
    public void Finish(IReadOnlyList<StepOutcome> outcomes)
    {
        if (outcomes.Count > 0)
        {
            At(Math.Max(open, outcomes.Count - 1));
        }

        Close();
        for (var i = 0; i < outcomes.Count; i++)
        {
            session.Settle(i, outcomes[i]);
        }
    }

    private void Close()
    {
        if (open >= 0)
        {
            session.EndStep(NotRun.Instance);
            open = -1;
        }
    }
}
