using FfaConformance.Scenarios.Traces;

namespace FfaConformance.Rules.Model;

/// <summary>Checks on how a send ended that many rules share.</summary>
public static class Expect
{
    /// <summary>Applies <paramref name="check"/> to the send's return, or reports why there is none.</summary>
    public static Finding? Return(SendView send, Func<Returned, Finding?> check) => Outcome(send, check);

    /// <summary>Applies <paramref name="check"/> to the REQ2's return, or reports why there is none.</summary>
    public static Finding? Return(Send2View send, Func<Returned2, Finding?> check) => Outcome(send, check);

    /// <summary>The send must be refused, whatever the refusal; the message is the business of its own rule.</summary>
    public static Finding? Failure(SendView send, string why) => Return(send, r => Refused(send, r.ReturnValue, why));

    /// <summary>The REQ2 must be refused.</summary>
    public static Finding? Failure(Send2View send, string why) => Return(send, r => Refused(send, r.ReturnValue, why));

    /// <summary>A finding when <paramref name="returnValue"/> does not refuse the call, saying <paramref name="why"/> it must.</summary>
    private static Finding? Refused(RequestView request, long returnValue, string why) =>
        request.Returns.Refuses(returnValue)
            ? null
            : new Finding($"{why}, but the call returned {request.Returns.Describe(returnValue)}", null, FindingField.ReturnValue, request.Returns.Refusal, request.Returns.Describe(returnValue));

    private static Finding? Outcome<T>(RequestView request, Func<T, Finding?> check)
        where T : StepOutcome => request.Trace.Outcome switch
        {
            T returned => check(returned),
            Stopped stopped => new Finding($"the target did not return: {stopped.Detail}", request.Calls.Count == 0 ? null : request.Calls.Count - 1, FindingField.Outcome, "a return", Stopped.Describe(stopped.Reason)),
            NotRun => new Finding("the step never ran: an earlier step stopped the target", null, FindingField.Outcome, "a return", "not run"),
            var other => throw new InvalidOperationException($"step {request.Index + 1} ended as {other}, which is no outcome of its kind of request: an adapter bug"),
        };
}
