using FfaConformance.Scenarios.Traces;

namespace FfaConformance.Rules.Model;

/// <summary>Checks on how a send ended that many rules share.</summary>
public static class Expect
{
    /// <summary>Applies <paramref name="check"/> to the send's return, or reports why there is none.</summary>
    public static Finding? Return(SendView send, Func<Returned, Finding?> check) => send.Trace.Outcome switch
    {
        Returned returned => check(returned),
        Stopped stopped => new Finding($"the target did not return: {stopped.Detail}", send.Calls.Count == 0 ? null : send.Calls.Count - 1, "outcome", "a return", Stopped.Describe(stopped.Reason)),
        _ => new Finding("the step never ran: an earlier step stopped the target", null, "outcome", "a return", "not run"),
    };

    /// <summary>The send must return a negative errno; the message is the business of its own rule.</summary>
    public static Finding? Failure(SendView send, string why) => Return(send, r =>
        r.ReturnValue < 0 ? null : new Finding($"{why}, but the call returned {r.ReturnValue}", null, "return value", "a negative errno", $"{r.ReturnValue}"));
}
