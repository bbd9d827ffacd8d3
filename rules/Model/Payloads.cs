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

    /// <summary>The call returned 0 and left exactly <paramref name="expected"/> in the message.</summary>
    public static Finding? Completed(Returned returned, DirectMessage expected, int finalCall)
    {
        if (returned.ReturnValue != 0)
        {
            return new Finding("a valid response did not complete the request", finalCall, "return value", "0", Show.Errno(returned.ReturnValue));
        }

        return returned.MessageOut == expected
            ? null
            : new Finding("the message does not hold the response's payload", finalCall, "message", expected.ToString(), returned.MessageOut?.ToString() ?? "NULL");
    }

    /// <summary>Whether a response is of the request's width with w1 = (destination, self) and w2 = 0.</summary>
    public static bool IsMatching(DirectResponseAnswer response, SendView send) =>
        response.Width == send.Convention
        && response.W2 == 0
        && response.Endpoints(send.Self, send.Request.Destination) == new EndpointPair(send.Request.Destination, send.Self);
}
