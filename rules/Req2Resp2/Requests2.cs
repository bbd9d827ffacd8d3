using FfaConformance.Abi;
using FfaConformance.Rules.Model;
using FfaConformance.Scenarios.Answers;
using FfaConformance.Scenarios.Traces;

namespace FfaConformance.Rules.Req2Resp2;

/// <summary>What the REQ2 rules share: the response that completes a REQ2 and what it must leave in the message.</summary>
internal static class Requests2
{
    /// <summary>A DIRECT_RESP2 from the destination to the caller: w1 = destination &lt;&lt; 16 | caller.</summary>
    public static bool IsMatching(DirectResponse2Answer response, Send2View send) =>
        response.Endpoints(send.Self, send.Destination) == new EndpointPair(send.Destination, send.Self);

    /// <summary>The REQ2 completed and its message holds the response's x4–x17.</summary>
    public static Finding? Completed(Send2View send, Returned2 returned, DirectResponse2Answer response, int finalCall)
    {
        if (!send.Returns.Completes(returned.ReturnValue))
        {
            return new Finding("a valid DIRECT_RESP2 did not complete the REQ2", finalCall, FindingField.ReturnValue,
                send.Returns.Describe(CallOutcome.Completed), send.Returns.Describe(returned.ReturnValue));
        }

        for (var i = 0; i < DirectMessage2.Words; i++)
        {
            if (returned.MessageOut[i] != response.Payload[i])
            {
                return new Finding($"word {i} of the message does not hold x{DirectMessage2.FirstRegister + i} of the DIRECT_RESP2", finalCall,
                    FindingField.MessageWord(i), Show.Hex(response.Payload[i]), Show.Hex(returned.MessageOut[i]));
            }
        }

        return null;
    }

    /// <summary>Classes of a REQ2's destination and service UUID.</summary>
    public static string UuidClass(Send2View send) =>
        send.Request.Uuid.IsNull ? "null UUID"
        : send.Case.Partitions.Find(send.Destination) is { } p && ServiceUuid.From(p.Uuid) == send.Request.Uuid ? "partition UUID"
        : "other UUID";
}
