using FfaConformance.Scenarios;
using FfaConformance.Scenarios.Answers;
using FfaConformance.Scenarios.Steps;
using FfaConformance.Scenarios.Traces;

namespace FfaConformance.Rules.Model;

/// <summary>
/// A case as a real secure world answered it: each request's script replaced by the answers recorded in its trace, read
/// back into the generators' answers (<see cref="AnswerReading"/>). Rules then judge the transport against what it was
/// answered, exactly as they judge a scripted case; a twin stays a twin only where the recorded answers are the
/// variation of its original's, since a real secure world does not vary them on request.
/// </summary>
public static class AnsweredScenario
{
    /// <summary>
    /// <paramref name="scenario"/> with the recorded answers as its scripts, or null with <paramref name="unread"/> the
    /// first call whose answer no generated answer writes: such a case cannot be judged as answered.
    /// </summary>
    public static Scenario? Of(Scenario scenario, Trace trace, out ConduitCall? unread)
    {
        unread = null;
        var steps = new Step[scenario.Steps.Length];
        for (var i = 0; i < steps.Length; i++)
        {
            var step = scenario.Steps[i];
            if (scenario.RequestAt(i) is not { } request)
            {
                steps[i] = step;
                continue;
            }

            var calls = trace.Steps[i].Calls;
            if (Read(scenario.Boot.EndpointId, request.Destination, calls, out unread) is not { } script)
            {
                return null;
            }

            steps[i] = step switch
            {
                SendStep send => send with { Script = script },
                Send2Step send2 => send2 with { Script = script },
                TwinStep twin when steps[twin.Of] is SendStep original => twin.Resolve(original) is var varied
                    && Plays(varied.Script, scenario.Boot.EndpointId, request.Destination, calls) ? twin : varied with { Script = script },
                _ => throw new InvalidOperationException($"step {i + 1} sends a request of no known kind: {step}"),
            };
        }

        return scenario with { Steps = [.. steps] };
    }

    /// <summary>The classes of the answers the secure world gave in a case, scripted or recorded: one per answered call of a request.</summary>
    public static IEnumerable<string> Labels(Scenario scenario, Trace trace)
    {
        for (var i = 0; i < scenario.Steps.Length; i++)
        {
            if (scenario.RequestAt(i) is { } request)
            {
                var answered = trace.Steps[i].Calls.TakeWhile(c => c.Answer is not null).Count();
                for (var call = 0; call < answered && request.Script.AnswerFor(call) is { } answer; call++)
                {
                    yield return answer.Label;
                }
            }
        }
    }

    /// <summary>
    /// Whether <paramref name="script"/> gives exactly the recorded answers, register for register: equal answers may be
    /// written two ways (a sign extension of a positive code is none), so registers, not answers, are compared.
    /// </summary>
    private static bool Plays(Script script, ushort self, ushort destination, IReadOnlyList<ConduitCall> calls) =>
        script.Length == calls.Count && calls.Select((call, k) => call.Answer is { } answer
            && script.AnswerFor(k)!.Materialize(new AnswerContext(self, destination, call.Issued)).Equals(answer)).All(played => played);

    /// <summary>The answers of one request's calls, in order; a call the harness stopped was not answered and ends it.</summary>
    private static Script? Read(ushort self, ushort destination, IEnumerable<ConduitCall> calls, out ConduitCall? unread)
    {
        unread = null;
        var answers = new List<Answer>();
        foreach (var call in calls.TakeWhile(c => c.Answer is not null))
        {
            if (AnswerReading.Read(call.Answer!, new AnswerContext(self, destination, call.Issued)) is not { } answer)
            {
                unread = call;
                return null;
            }

            answers.Add(answer);
        }

        return new Script([.. answers]);
    }
}
