using FfaConformance.Abi;
using FfaConformance.Adapters.Contract;
using FfaConformance.Scenarios;
using FfaConformance.Scenarios.Traces;
using FfaConformance.SecureWorld;

namespace FfaConformance.Adapters.Linux.Companion;

/// <summary>
/// One case the companion runs through a Linux driver, wherever it runs (a QEMU guest, a board): the steps kept in
/// line with the calls, each call answered from the session, a stop order that lets the driver only unwind — its
/// further calls refused with FFA_ERROR(ABORTED) and the case told to run no further step — and the outcomes settled
/// when the case ends or is lost. The targets bring the calls and carry the answers; this decides them.
/// </summary>
internal sealed class CompanionCaseRun(CaseSession session)
{
    /// <summary>The refusal a call gets after a stop order: FFA_ERROR(ABORTED), which ends the driver's request.</summary>
    public static readonly RegisterSet Refusal = RegisterSet.Of(FfaFunctions.Error.Id(Convention.Smc32).Value, 0, unchecked((uint)(int)FfaError.Aborted));

    /// <summary>Answers past a stop order before the driver is given up as still looping.</summary>
    private const int RefusalsAllowed = 1000;

    private readonly StepTracker tracker = new(session);
    private Stopped? order;
    private int orderedAt = -1;
    private int refused;

    public Scenario Scenario => session.Scenario;

    /// <summary>
    /// What a call of step <paramref name="step"/> gets: the session's answer, or a refusal once the case is ordered
    /// to stop; null when the driver went on calling past <see cref="RefusalsAllowed"/> refusals, and the case is lost
    /// with <see cref="Overrun"/>. <paramref name="observed"/>: the secure world's own answer, when it gave one. A
    /// target whose companion cannot write memory for the secure world names why in <paramref name="cannotWrite"/>;
    /// an answer that writes memory then stops the case.
    /// </summary>
    public CompanionAnswer? Call(int step, ConduitKind conduit, RegisterSet issued, RegisterSet? observed = null, string? cannotWrite = null)
    {
        if (order is not null)
        {
            return ++refused > RefusalsAllowed ? null : new CompanionAnswer(Refusal, true, []);
        }

        tracker.At(step);
        var reply = observed is { } answered ? session.Observe(conduit, issued, answered) : session.Call(conduit, issued);
        if (reply.Stop is { } halt)
        {
            (order, orderedAt) = (halt, step);
            return new CompanionAnswer(Refusal, true, []);
        }

        if (reply.Writes.Count > 0 && cannotWrite is not null)
        {
            (order, orderedAt) = (new Stopped(StopReason.Crashed, cannotWrite), step);
            return new CompanionAnswer(Refusal, true, []);
        }

        return new CompanionAnswer(reply.Answer!, false, reply.Writes);
    }

    /// <summary>Why the case is lost when the driver would not stop calling after its stop order.</summary>
    public Stopped Overrun => new(order!.Reason, $"{order.Detail}; the driver went on calling after {RefusalsAllowed} refusals");

    /// <summary>The case ended: the outcomes of its first <paramref name="completed"/> steps are in <paramref name="results"/> (struct conf_result[]), then the stop order's.</summary>
    public void Finish(ReadOnlySpan<byte> results, int completed) =>
        tracker.Finish(CompanionCase.Outcomes(results, completed, Scenario, order is null ? null : (orderedAt, order)));

    /// <summary>The case is lost and no result of it can be read: every step ends with <paramref name="stop"/>.</summary>
    public void Lose(Stopped stop) => tracker.Finish([.. Scenario.Steps.Select(_ => stop)]);

    /// <summary>The case is lost, but the steps that completed keep the outcomes in <paramref name="results"/>; the one running ends with <paramref name="stop"/>.</summary>
    public void Lose(Stopped stop, ReadOnlySpan<byte> results, int completed)
    {
        var done = CompanionCase.Outcomes(results, completed, Scenario, null);
        tracker.Finish(done.Count < Scenario.Steps.Length ? [.. done, stop] : done);
    }
}
