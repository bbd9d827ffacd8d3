using FfaConformance.Abi;

namespace FfaConformance.Scenarios.Answers;

/// <summary>
/// FFA_MSG_SEND_DIRECT_RESP2 (SMC64 only): w1 the endpoints, x2/x3 reserved (zero from a conforming callee),
/// the fourteen payload words in x4–x17. Its only noise is x0[63:32]: every other register carries meaning.
/// </summary>
public sealed record DirectResponse2Answer(ResponderIds Ids, ushort OtherId, DirectMessage2 Payload, Noise Noise) : Answer(Noise)
{
    public override AnswerClass Class => AnswerClass.DirectResponse2;

    public override Convention Width => Convention.Smc64;

    public override string Label => "DIRECT_RESP2";

    public bool IsWellFormed => Ids == ResponderIds.Echo;

    public EndpointPair Endpoints(ushort self, ushort destination) => Ids.Pair(OtherId, self, destination);

    protected override void Fill(Span<ulong> x, in AnswerContext context)
    {
        x[0] = FfaFunctions.DirectResponse2.Id(Convention.Smc64).Value;
        x[1] = Endpoints(context.Self, context.Destination).Packed;
        for (var i = 0; i < DirectMessage2.Words; i++)
        {
            x[DirectMessage2.FirstRegister + i] = Payload[i];
        }
    }

    protected override void ApplyNoise(Span<ulong> x, RegisterSet issued) => x[0] |= (ulong)Noise.X0Upper << 32;

    public override string ToString() => WithNoise($"{Label}({Ids.Describe(OtherId)}, payload {Payload})");
}
