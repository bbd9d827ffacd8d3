using FfaConformance.Abi;

namespace FfaConformance.Scenarios.Answers;

/// <summary>
/// Reads registers a secure world answered back into the answers the generators write: the <see cref="Answer"/> that,
/// played in the same <see cref="AnswerContext"/>, gives exactly those registers — or null when none does, which says the
/// answer lies outside what the generators can produce. Every reading is checked by materialising it again, so a
/// reading is never approximate.
/// </summary>
public static class AnswerReading
{
    public static Answer? Read(RegisterSet registers, in AnswerContext context)
    {
        var w0 = (uint)registers[0];
        var width = new FunctionId(w0).Convention;
        Answer? candidate = w0 switch
        {
            _ when FfaFunctions.DirectResponse.Matches(w0) => DirectResponse(registers, context, width),
            _ when FfaFunctions.DirectResponse2.Matches(w0) => DirectResponse2(registers, context),
            _ when FfaFunctions.Error.Matches(w0) => Error(registers, width, context),
            _ when FfaFunctions.Success.Matches(w0) => new SuccessAnswer(width, Noise(registers, width, context)),
            _ when FfaFunctions.Interrupt.Matches(w0) => new InterruptAnswer(width, Endpoint(registers, context), (ushort)registers[1], Noise(registers, width, context)),
            _ when FfaFunctions.Yield.Matches(w0) => new YieldAnswer(width, Endpoint(registers, context), (ushort)registers[1], (uint)registers[2], (uint)registers[3], Noise(registers, width, context)),
            _ when w0 == (uint)Smccc.NotSupported => new SmcccUnknownAnswer(registers[0] == Smccc.UnknownFunction64),
            _ => null,
        };
        if (candidate is not null && candidate.Materialize(context).Equals(registers))
        {
            return candidate;
        }

        // Any w0, a listed reply's among them, may also be written as a w0 the call does not expect, with x2 set.
        var unknown = new UnknownFunctionAnswer(w0, registers[2], Noise(registers, width, context));
        return unknown.Materialize(context).Equals(registers) ? unknown : null;
    }

    private static DirectResponseAnswer? DirectResponse(RegisterSet x, in AnswerContext context, Convention width)
    {
        var (ids, other) = Ids(x, context);
        return ids is null ? null : new DirectResponseAnswer(width, ids.Value, other, (uint)x[2],
            new DirectMessage(x[3], x[4], x[5], x[6], x[7]), Noise(x, width, context));
    }

    private static DirectResponse2Answer? DirectResponse2(RegisterSet x, in AnswerContext context)
    {
        var (ids, other) = Ids(x, context);
        return ids is null ? null : new DirectResponse2Answer(ids.Value, other, DirectMessage2.FromRegisters(x), new Noise(X0Upper: (uint)(x[0] >> 32)));
    }

    private static ErrorAnswer Error(RegisterSet x, Convention width, in AnswerContext context)
    {
        var code = (int)(uint)x[2];
        var upper = (uint)(x[2] >> 32);
        var extension = upper == 0 ? X2Extension.Zero : code < 0 && upper == uint.MaxValue ? X2Extension.Sign : X2Extension.Garbage;
        return new ErrorAnswer(code, width, extension, extension == X2Extension.Garbage ? upper : 0, Noise(x, width, context));
    }

    /// <summary>How w1 names the endpoints against the request; null when it names neither right.</summary>
    private static (ResponderIds? Ids, ushort Other) Ids(RegisterSet x, in AnswerContext context)
    {
        var pair = EndpointPair.Unpack(x[1]);
        return pair switch
        {
            _ when pair.Sender == context.Destination && pair.Receiver == context.Self => (ResponderIds.Echo, 0),
            _ when pair.Sender == context.Self && pair.Receiver == context.Destination => (ResponderIds.Unswapped, 0),
            _ when pair.Receiver == context.Self => (ResponderIds.OtherSender, pair.Sender),
            _ when pair.Sender == context.Destination => (ResponderIds.OtherReceiver, pair.Receiver),
            _ => (null, 0),
        };
    }

    /// <summary>FFA_INTERRUPT's or FFA_YIELD's endpoint: null when it is the request's destination.</summary>
    private static ushort? Endpoint(RegisterSet x, in AnswerContext context) =>
        TargetInfo.Unpack(x[1]).Endpoint is var endpoint && endpoint == context.Destination ? null : endpoint;

    /// <summary>The noise the registers carry: x0's upper half, the common upper half of x1–x7 in an SMC32 answer, x8–x17 as called or in the pattern.</summary>
    private static Noise Noise(RegisterSet x, Convention width, in AnswerContext context)
    {
        var upper = width == Convention.Smc32 ? (uint)(x[1] >> 32) : 0;
        for (var i = 3; i <= 7 && upper == 0 && width == Convention.Smc32; i++)
        {
            upper = (uint)(x[i] >> 32);
        }

        var high = x.AsSpan()[8..];
        if (high.IndexOfAnyExcept(0UL) < 0)
        {
            return new Noise((uint)(x[0] >> 32), upper);
        }

        return high.SequenceEqual(context.Issued.AsSpan()[8..])
            ? new Noise((uint)(x[0] >> 32), upper, CallersHighRegisters: true)
            : new Noise((uint)(x[0] >> 32), upper, x[8] - 8);
    }
}
