using FfaConformance.Abi;
using FfaConformance.Scenarios.Answers;

namespace FfaConformance.Generators;

/// <summary>Shrinks an answer within its class toward canonical values: no noise, payload 0, code −1, the destination.</summary>
public static class AnswerShrinker
{
    public static IEnumerable<Answer> Shrink(Answer answer)
    {
        if (!answer.Noise.IsNone)
        {
            yield return answer with { Noise = Noise.None };
        }

        var specific = answer switch
        {
            DirectResponseAnswer response => Response(response),
            ErrorAnswer error => Error(error),
            SuccessAnswer success when success.Width == Convention.Smc64 => [success with { SuccessWidth = Convention.Smc32 }],
            InterruptAnswer interrupt => Target(interrupt).Cast<Answer>(),
            YieldAnswer yield => Yield(yield),
            UnknownFunctionAnswer unknown when unknown.X2 != 0 => [unknown with { X2 = 0 }],
            _ => [],
        };
        foreach (var candidate in specific)
        {
            yield return candidate;
        }
    }

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
                if (words[i] > uint.MaxValue)
                {
                    smaller[i] = (uint)words[i];
                    yield return DirectMessage.FromWords(smaller);
                }
            }
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

        var simpler = FfaErrors.IsDefined(error.Code) ? new[] { -1 } : [0, 1, -11];
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
        }
    }

    private static IEnumerable<Answer> Yield(YieldAnswer yield)
    {
        foreach (var target in Target(yield))
        {
            yield return target;
        }

        if (yield.TimeoutLow != 0 || yield.TimeoutHigh != 0)
        {
            yield return yield with { TimeoutLow = 0, TimeoutHigh = 0 };
        }
    }
}
