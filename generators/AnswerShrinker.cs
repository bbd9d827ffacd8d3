using FfaConformance.Abi;
using FfaConformance.Scenarios.Answers;

namespace FfaConformance.Generators;

/// <summary>Shrinks an answer within its class toward canonical values: no noise, payload 0, code −1, the destination.</summary>
public static class AnswerShrinker
{
    public static IEnumerable<Answer> Shrink(Answer answer)
    {
        foreach (var noise in ShrinkNoise(answer.Noise))
        {
            yield return answer with { Noise = noise };
        }

        var specific = answer switch
        {
            DirectResponseAnswer response => Response(response),
            DirectResponse2Answer response2 => Response2(response2),
            ErrorAnswer error => Error(error),
            SuccessAnswer success when success.Width == Convention.Smc64 => [success with { SuccessWidth = Convention.Smc32 }],
            InterruptAnswer interrupt => Target(interrupt).Cast<Answer>(),
            YieldAnswer yield => Yield(yield),
            UnknownFunctionAnswer unknown => Unknown(unknown),
            SmcccUnknownAnswer { WholeX0: true } => [new SmcccUnknownAnswer(false)],
            _ => [],
        };
        foreach (var candidate in specific)
        {
            yield return candidate;
        }
    }

    /// <summary>No noise at all, then each part gone, then each part at its smallest non-zero value.</summary>
    public static IEnumerable<Noise> ShrinkNoise(Noise noise)
    {
        if (noise.IsNone)
        {
            yield break;
        }

        yield return Noise.None;
        if (noise.X0Upper != 0)
        {
            yield return noise with { X0Upper = 0 };
        }

        if (noise.UpperHalves != 0)
        {
            yield return noise with { UpperHalves = 0 };
            if (noise.UpperHalves != 1)
            {
                yield return noise with { UpperHalves = 1 };
            }
        }

        if (noise.CallersHighRegisters)
        {
            yield return noise with { CallersHighRegisters = false };
        }

        if (noise.HighRegisters != 0)
        {
            yield return noise with { HighRegisters = 0 };
            if (noise.HighRegisters != 1)
            {
                yield return noise with { HighRegisters = 1 };
            }
        }
    }

    /// <summary>Zero, then each word zero, cut to 32 bits, or at its smallest non-zero value of the same width.</summary>
    public static IEnumerable<DirectMessage> Payload(DirectMessage payload)
    {
        if (payload == DirectMessage.Zero)
        {
            yield break;
        }

        yield return DirectMessage.Zero;
        var words = payload.ToArray();
        for (var i = 0; i < words.Length; i++)
        {
            if (words[i] != 0)
            {
                var smaller = (ulong[])words.Clone();
                smaller[i] = 0;
                yield return DirectMessage.FromWords(smaller);
                foreach (var value in new[] { 1UL, (uint)words[i], 1UL << 32 }.Where(v => v != 0 && v < words[i]).Distinct())
                {
                    smaller[i] = value;
                    yield return DirectMessage.FromWords(smaller);
                }
            }
        }
    }

    /// <summary>Zero, then each word zero or at its smallest non-zero value.</summary>
    public static IEnumerable<DirectMessage2> Payload2(DirectMessage2 payload)
    {
        if (payload.IsZero)
        {
            yield break;
        }

        yield return DirectMessage2.Zero;
        for (var i = 0; i < DirectMessage2.Words; i++)
        {
            if (payload[i] != 0)
            {
                yield return payload.With(i, 0);
                foreach (var value in new[] { 1UL, (uint)payload[i], 1UL << 32 }.Where(v => v != 0 && v < payload[i]).Distinct())
                {
                    yield return payload.With(i, value);
                }
            }
        }
    }

    private static IEnumerable<Answer> Response2(DirectResponse2Answer response)
    {
        foreach (var payload in Payload2(response.Payload))
        {
            yield return response with { Payload = payload };
        }

        if (response.OtherId > 1)
        {
            yield return response with { OtherId = 1 };
        }
    }

    private static IEnumerable<Answer> Response(DirectResponseAnswer response)
    {
        foreach (var payload in Payload(response.Payload))
        {
            yield return response with { Payload = payload };
        }

        if (response.W2 is not (0 or 0x8000_0000 or 1))
        {
            yield return response with { W2 = (response.W2 & 0x8000_0000) != 0 ? 0x8000_0000u : 1u };
        }

        if (response.OtherId > 1)
        {
            yield return response with { OtherId = 1 };
        }
    }

    private static IEnumerable<Answer> Error(ErrorAnswer error)
    {
        if (error.Extension != X2Extension.Zero)
        {
            yield return error with { Extension = X2Extension.Zero, Garbage = 0 };
        }

        if (error.Extension == X2Extension.Garbage && error.Garbage != 1)
        {
            yield return error with { Garbage = 1 };
        }

        var simpler = FfaErrors.IsDefined(error.Code) ? FfaErrors.All.Select(e => (int)e).ToArray() : [0, 1, -11];
        foreach (var code in simpler.Where(c => c != error.Code && Math.Abs((long)c) < Math.Abs((long)error.Code)))
        {
            yield return error with { Code = code };
        }
    }

    private static IEnumerable<Resumption> Target(Resumption resumption)
    {
        if (resumption.Endpoint is not null)
        {
            yield return resumption with { Endpoint = null };
        }

        if (resumption.VCpu != 0)
        {
            yield return resumption with { VCpu = 0 };
            if (resumption.VCpu != 1)
            {
                yield return resumption with { VCpu = 1 };
            }
        }
    }

    /// <summary>The canonical unexpected reply is FFA_MSG_WAIT_32: an FF-A ID that is no reply to a request.</summary>
    public static readonly uint CanonicalUnknown = FfaFunctions.MsgWait.Id(Convention.Smc32).Value;

    private static IEnumerable<Answer> Unknown(UnknownFunctionAnswer unknown)
    {
        // 0, then all ones in w2 (an error code −1 to a decoder that should not be decoding).
        foreach (var x2 in new ulong[] { 0, 0xFFFF_FFFF }.TakeWhile(v => v != unknown.X2))
        {
            yield return unknown with { X2 = x2 };
        }

        if (unknown.W0 != CanonicalUnknown)
        {
            yield return unknown with { W0 = CanonicalUnknown };
        }
    }

    private static IEnumerable<Answer> Yield(YieldAnswer yield)
    {
        // A plain interrupt is the simpler resumption: same target, no timeout.
        yield return new InterruptAnswer(yield.Width, yield.Endpoint, yield.VCpu, yield.Noise);

        foreach (var target in Target(yield))
        {
            yield return target;
        }

        // Each half on its own too: a transport that reads only w2 fails for the low half, whatever the high one holds.
        var timeouts = new[] { (0u, 0u), (yield.TimeoutLow, 0u), (0u, yield.TimeoutHigh) };
        foreach (var (low, high) in timeouts.Distinct().Where(t => t != (yield.TimeoutLow, yield.TimeoutHigh)))
        {
            yield return yield with { TimeoutLow = low, TimeoutHigh = high };
        }
    }
}
