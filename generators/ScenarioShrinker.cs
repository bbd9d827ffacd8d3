using System.Collections.Immutable;
using FfaConformance.Abi;
using FfaConformance.Scenarios;
using FfaConformance.Scenarios.Answers;
using FfaConformance.Scenarios.Steps;

namespace FfaConformance.Generators;

/// <summary>
/// Shrinks a scenario, biggest cuts first: fewer steps, shorter chains (to depth 0, then 1), then each value
/// toward its canonical form (endpoint ID 0, the first partition, payload 0, no noise). Twins hold no script of
/// their own, so they always mirror their shrunk original. A shrunk case stays one the target can take: an SMC64
/// request becomes SMC32 only where the entry takes the width.
/// </summary>
public static class ScenarioShrinker
{
    public static IEnumerable<Scenario> Shrink(Scenario scenario, GenerationContext context)
    {
        var partitions = context.Partitions;
        var steps = scenario.Steps;
        for (var i = 0; i < steps.Length; i++)
        {
            // An OS calls SetVirtualAddressMap only after ExitBootServices, so that one stays while the other does.
            if (steps[i] is ExitBootServicesStep && scenario.VirtualAddressMapBefore(steps.Length) && !scenario.VirtualAddressMapBefore(i))
            {
                continue;
            }

            if (Remove(steps, i) is { } fewer)
            {
                yield return scenario with { Steps = fewer };
            }
        }

        foreach (var id in SmallerIds(scenario.Boot.EndpointId))
        {
            yield return scenario with { Boot = new BootState(id) };
        }

        for (var i = 0; i < steps.Length; i++)
        {
            var smaller = steps[i] switch
            {
                SendStep send => Send(send, partitions, context.Smc32Request),
                Send2Step send2 => Send2(send2, partitions),
                TwinStep twin => Twin(twin),
                ExitBootServicesStep { WithContext: false } => [new ExitBootServicesStep(true)],
                _ => [],
            };
            foreach (var step in smaller)
            {
                yield return scenario with { Steps = steps.SetItem(i, step) };
            }
        }
    }

    private static IEnumerable<ushort> SmallerIds(ushort id) =>
        new ushort[] { 0, 1, (ushort)(id / 2) }.Distinct().Where(candidate => candidate < id);

    /// <summary>Step <paramref name="index"/> removed, with any twin of it, twins after it renumbered.</summary>
    private static ImmutableArray<Step>? Remove(ImmutableArray<Step> steps, int index)
    {
        var kept = ImmutableArray.CreateBuilder<Step>();
        var newIndex = new int[steps.Length];
        for (var i = 0; i < steps.Length; i++)
        {
            var orphan = steps[i] is TwinStep t && t.Of == index;
            if (i == index || orphan)
            {
                newIndex[i] = -1;
                continue;
            }

            newIndex[i] = kept.Count;
            kept.Add(steps[i] is TwinStep twin ? twin with { Of = newIndex[twin.Of] } : steps[i]);
        }

        return kept.Count == 0 ? null : kept.ToImmutable();
    }

    private static IEnumerable<Step> Send(SendStep send, PartitionTable partitions, bool smc32Request)
    {
        foreach (var script in Script(send.Script, CanonicalFinal(send.Request.Convention)))
        {
            yield return send with { Script = script };
        }

        var request = send.Request;
        if (request.Message is { } message)
        {
            foreach (var payload in AnswerShrinker.Payload(message))
            {
                yield return send with { Request = request with { Message = payload } };
            }
        }

        if (request.Destination != partitions.First)
        {
            yield return send with { Request = request with { Destination = partitions.First } };
        }

        if (request.Convention == Convention.Smc64 && smc32Request)
        {
            // Responses that matched the request's width keep matching it.
            var narrowed = send.Script with { Answers = [.. send.Script.Answers.Select(NarrowResponse)] };
            yield return send with { Request = request with { Convention = Convention.Smc32 }, Script = narrowed };
            yield return send with { Request = request with { Convention = Convention.Smc32 } };
        }
    }

    private static IEnumerable<Step> Send2(Send2Step send, PartitionTable partitions)
    {
        foreach (var script in Script(send.Script, CanonicalFinal2))
        {
            yield return send with { Script = script };
        }

        var request = send.Request;
        foreach (var payload in AnswerShrinker.Payload2(request.Message))
        {
            yield return send with { Request = request with { Message = payload } };
        }

        if (request.Destination != partitions.First)
        {
            yield return send with { Request = request with { Destination = partitions.First, Uuid = ServiceUuid.From(partitions.Partitions[0].Uuid) } };
        }

        // The destination's own UUID is the canonical one; the null UUID next.
        var own = partitions.Find(request.Destination) is { } partition ? ServiceUuid.From(partition.Uuid) : ServiceUuid.Null;
        foreach (var uuid in new[] { own, ServiceUuid.Null }.Distinct().TakeWhile(u => u != request.Uuid))
        {
            yield return send with { Request = request with { Uuid = uuid } };
        }
    }

    /// <summary>The simplest answers: a matching response ends a script, a plain interrupt links a chain.</summary>
    public static Answer CanonicalFinal(Convention request) =>
        new DirectResponseAnswer(request, ResponderIds.Echo, 0, 0, DirectMessage.Zero, Noise.None);

    /// <summary>The simplest final answer to a REQ2: a DIRECT_RESP2 with the IDs echoed and a zero payload.</summary>
    public static readonly Answer CanonicalFinal2 = new DirectResponse2Answer(ResponderIds.Echo, 0, DirectMessage2.Zero, Noise.None);

    public static readonly Answer CanonicalLink = new InterruptAnswer(Convention.Smc32, null, 0, Noise.None);

    public static readonly Answer CanonicalError = new ErrorAnswer(-1, Convention.Smc32, X2Extension.Zero, 0, Noise.None);

    private static Answer NarrowResponse(Answer answer) =>
        answer is DirectResponseAnswer { ResponseWidth: Convention.Smc64 } response
            && response with { ResponseWidth = Convention.Smc32 } is var narrow
            ? narrow with { Payload = narrow.WirePayload }
            : answer;

    private static IEnumerable<Script> Script(Script script, Answer canonicalFinal)
    {
        var answers = script.Answers;
        var chain = script.Forever is null ? answers.Length - 1 : answers.Length;
        if (chain > 0)
        {
            yield return script with { Answers = answers.RemoveRange(0, chain) };
        }

        if (chain > 1)
        {
            yield return script with { Answers = answers.RemoveRange(1, chain - 1) };
            for (var i = 0; i < chain; i++)
            {
                yield return script with { Answers = answers.RemoveAt(i) };
            }
        }

        // The final answer moves toward a matching response, else toward FFA_ERROR(NOT_SUPPORTED), never back.
        if (script.Forever is null)
        {
            var final = answers[^1];
            foreach (var simpler in new[] { canonicalFinal, CanonicalError }.TakeWhile(c => !c.Equals(final)))
            {
                yield return script with { Answers = answers.SetItem(answers.Length - 1, simpler) };
            }
        }

        for (var i = 0; i < chain; i++)
        {
            if (!answers[i].Equals(CanonicalLink))
            {
                yield return script with { Answers = answers.SetItem(i, CanonicalLink) };
            }
        }

        for (var i = 0; i < answers.Length; i++)
        {
            foreach (var answer in AnswerShrinker.Shrink(answers[i]))
            {
                yield return script with { Answers = answers.SetItem(i, answer) };
            }
        }

        if (script.Forever is { } forever)
        {
            foreach (var answer in AnswerShrinker.Shrink(forever))
            {
                yield return script with { Forever = answer };
            }
        }
    }

    private static IEnumerable<Step> Twin(TwinStep twin)
    {
        var canonical = twin.Variation switch
        {
            TwinVariation.X0UpperHalf => new ulong[] { 1 },
            TwinVariation.ErrorCodeExtension => [0],
            TwinVariation.YieldTimeout => [0xFFFF_FFFF, 0],
            TwinVariation.UnexpectedX2 => [0, 0xFFFF_FFFF],
            _ => [],
        };
        // Earlier canonical values rank lower; moving only down the ranking keeps shrinking from cycling.
        var rank = Array.IndexOf(canonical, twin.Parameter);
        return canonical.Take(rank < 0 ? canonical.Length : rank).Select(p => twin with { Parameter = p });
    }
}
