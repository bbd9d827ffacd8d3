using System.Collections.Immutable;
using FfaConformance.Abi;
using FfaConformance.Scenarios;
using FfaConformance.Scenarios.Answers;
using FfaConformance.Scenarios.Targets;
using FfaConformance.Scenarios.Traces;

namespace FfaConformance.SecureWorld;

/// <summary>
/// One case against the managed secure world: the adapter announces each step, forwards every conduit call
/// and reports how the step ended; the session answers from the step's script and records the trace.
/// Calls beyond the script or the per-case budget are refused with a stop order, so no case runs forever.
/// </summary>
public sealed class CaseSession
{
    private readonly BootAbis bootAbis;
    private readonly Scenario scenario;
    private readonly int callBudget;
    private readonly ImmutableArray<ConduitCall>.Builder bootCalls = ImmutableArray.CreateBuilder<ConduitCall>();
    private readonly StepTrace[] steps;
    private readonly List<ConduitCall> current = [];
    private readonly BootAbis.Mapping mapping = new();
    private int stepIndex = -1;
    private (ushort Destination, Script Script)? currentSend;
    private int callsMade;

    internal CaseSession(BootAbis bootAbis, Scenario scenario, int callBudget)
    {
        this.bootAbis = bootAbis;
        this.scenario = scenario;
        this.callBudget = callBudget;
        steps = new StepTrace[scenario.Steps.Length];
        Array.Fill(steps, StepTrace.Unrun);
    }

    public Scenario Scenario => scenario;

    public void BeginStep(int index)
    {
        if (stepIndex >= 0)
        {
            throw new InvalidOperationException($"step {stepIndex + 1} has not ended");
        }

        stepIndex = index;
        currentSend = scenario.RequestAt(index);
        current.Clear();
    }

    /// <summary>
    /// Records calls made before this case — a driver's probe at its boot — as the case's boot calls, and returns
    /// <paramref name="boot"/>. They are not answered again and do not count against the case's budget.
    /// </summary>
    public BootData Recall(IEnumerable<ConduitCall> calls, BootData boot)
    {
        if (stepIndex >= 0 || callsMade > 0 || bootCalls.Count > 0)
        {
            throw new InvalidOperationException("a probe is recalled before the case's first call");
        }

        bootCalls.AddRange(calls);
        return boot;
    }

    public ConduitReply Call(ConduitKind conduit, RegisterSet issued)
    {
        if (++callsMade > callBudget)
        {
            return Refuse(conduit, issued, StopReason.CallBudgetExhausted,
                $"call #{callsMade} exceeds the per-case budget of {callBudget} conduit calls");
        }

        if (currentSend is not { } send)
        {
            var reply = bootAbis.Answer(issued, scenario.Boot, mapping);
            (stepIndex < 0 ? (ICollection<ConduitCall>)bootCalls : current).Add(new ConduitCall(conduit, issued, reply.Answer));
            return reply;
        }

        var (destination, script) = send;
        var scripted = script.AnswerFor(current.Count);
        if (scripted is null)
        {
            return Refuse(conduit, issued, StopReason.ScriptExhausted,
                $"call #{current.Count + 1} of step {stepIndex + 1} comes after the script's last answer ({script.Answers.Length} answers)");
        }

        var registers = scripted.Materialize(new AnswerContext(scenario.Boot.EndpointId, destination, issued));
        current.Add(new ConduitCall(conduit, issued, registers));
        return ConduitReply.Of(registers);
    }

    /// <summary>
    /// A call a real secure world answered (a board observed, not scripted), recorded with that answer. The
    /// per-case budget holds as for scripted calls: past it the call is recorded unanswered and the case stopped.
    /// </summary>
    public ConduitReply Observe(ConduitKind conduit, RegisterSet issued, RegisterSet answered)
    {
        if (++callsMade > callBudget)
        {
            return Refuse(conduit, issued, StopReason.CallBudgetExhausted,
                $"call #{callsMade} exceeds the per-case budget of {callBudget} conduit calls");
        }

        (stepIndex < 0 ? (ICollection<ConduitCall>)bootCalls : current).Add(new ConduitCall(conduit, issued, answered));
        return ConduitReply.Of(answered);
    }

    public void EndStep(StepOutcome outcome)
    {
        if (stepIndex < 0)
        {
            throw new InvalidOperationException("no step is running");
        }

        steps[stepIndex] = new StepTrace([.. current], outcome);
        stepIndex = -1;
        currentSend = null;
    }

    /// <summary>
    /// For a target that runs every step in one go and learns how they ended only afterwards: the outcome of a
    /// step already ended with a provisional one.
    /// </summary>
    public void Settle(int index, StepOutcome outcome) => steps[index] = steps[index] with { Outcome = outcome };

    public Trace Finish()
    {
        if (stepIndex >= 0)
        {
            throw new InvalidOperationException($"step {stepIndex + 1} has not ended");
        }

        return new Trace(bootCalls.ToImmutable(), [.. steps]);
    }

    private ConduitReply Refuse(ConduitKind conduit, RegisterSet issued, StopReason reason, string detail)
    {
        var call = new ConduitCall(conduit, issued, null);
        (stepIndex < 0 ? (ICollection<ConduitCall>)bootCalls : current).Add(call);
        return ConduitReply.Halt(reason, detail);
    }
}
