using FfaConformance.Abi;
using FfaConformance.Scenarios.Answers;
using FfaConformance.Scenarios.Traces;

namespace FfaConformance.Rules.Model;

/// <summary>What a completed request must leave in the caller's message.</summary>
public static class Payloads
{
    /// <summary>
    /// x3–x7 of the final response; for an SMC32 response the zero-extended w3–w7 (what the registers carry
    /// in their low halves, whatever noise sits above).
    /// </summary>
    public static DirectMessage Expected(DirectResponseAnswer response) => response.WirePayload;

    /// <summary>
    /// The call completed and left <paramref name="expected"/> in the message: all of it, or — for rules that
    /// leave the upper halves of SMC32 words to INV-RESP-SMC32-MASK — the low halves of an SMC32 response.
    /// </summary>
    public static Finding? Completed(SendView send, Returned returned, DirectMessage expected, int finalCall, Convention width, bool lowHalvesOfSmc32 = true)
    {
        if (!send.Returns.Completes(returned.ReturnValue))
        {
            return new Finding("a valid response did not complete the request", finalCall, FindingField.ReturnValue,
                send.Returns.Describe(CallOutcome.Completed), send.Returns.Describe(returned.ReturnValue));
        }

        var got = returned.MessageOut ?? default;
        var same = width == Convention.Smc32 && lowHalvesOfSmc32
            ? Enumerable.Range(0, DirectMessage.Words).All(i => (uint)got[i] == (uint)expected[i])
            : got == expected;
        return returned.MessageOut is not null && same
            ? null
            : new Finding("the message does not hold the response's payload", finalCall, FindingField.Message, expected.ToString(), returned.MessageOut?.ToString() ?? "NULL");
    }

    /// <summary>Whether a response is of the request's width with w1 = (destination, self) and w2 = 0.</summary>
    public static bool IsMatching(DirectResponseAnswer response, SendView send) =>
        response.Width == send.Convention
        && response.W2 == 0
        && response.Endpoints(send.Self, send.Request.Destination) == new EndpointPair(send.Request.Destination, send.Self);
}
