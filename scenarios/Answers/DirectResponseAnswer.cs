using FfaConformance.Abi;

namespace FfaConformance.Scenarios.Answers;

/// <summary>FFA_MSG_SEND_DIRECT_RESP of either width, with right or wrong w1/w2 and a payload in x3–x7.</summary>
public sealed record DirectResponseAnswer(
    Convention ResponseWidth,
    ResponderIds Ids,
    ushort OtherId,
    uint W2,
    DirectMessage Payload,
    Noise Noise) : Answer(Noise)
{
    public override AnswerClass Class => AnswerClass.DirectResponse;

    public override Convention Width => ResponseWidth;

    public override string Label => Width == Convention.Smc64 ? "DIRECT_RESP_64" : "DIRECT_RESP_32";

    /// <summary>Right IDs and w2 = 0: the response a partition message expects.</summary>
    public bool IsWellFormed => Ids == ResponderIds.Echo && W2 == 0;

    public EndpointPair Endpoints(ushort self, ushort destination) => Ids.Pair(OtherId, self, destination);

    /// <summary>The payload as the registers carry it: SMC32 words are 32-bit.</summary>
    public DirectMessage WirePayload => Width == Convention.Smc64
        ? Payload
        : new((uint)Payload.Data0, (uint)Payload.Data1, (uint)Payload.Data2, (uint)Payload.Data3, (uint)Payload.Data4);

    protected override void Fill(Span<ulong> x, in AnswerContext context)
    {
        x[0] = FfaFunctions.DirectResponse.Id(Width).Value;
        x[1] = Endpoints(context.Self, context.Destination).Packed;
        x[2] = W2;
        var payload = WirePayload;
        for (var i = 0; i < DirectMessage.Words; i++)
        {
            x[3 + i] = payload[i];
        }
    }

    public override string ToString()
    {
        var ids = Ids.Describe(OtherId);
        var w2 = W2 == 0 ? string.Empty : $" w2=0x{W2:X8}";
        return WithNoise($"{Label}({ids}{w2}, payload {WirePayload})");
    }
}
