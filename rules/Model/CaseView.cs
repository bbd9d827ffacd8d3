using FfaConformance.Scenarios;
using FfaConformance.Scenarios.Steps;
using FfaConformance.Scenarios.Targets;
using FfaConformance.Scenarios.Traces;

namespace FfaConformance.Rules.Model;

/// <summary>One case as rules read it: the scenario, the trace, the target and the partitions the secure world hosted.</summary>
public sealed class CaseView
{
    private SendView[]? sends;
    private Send2View[]? sends2;

    public CaseView(Scenario scenario, Trace trace, TargetDescription target, PartitionTable partitions)
    {
        Scenario = scenario;
        Trace = trace;
        Target = target;
        Partitions = partitions;
    }

    public Scenario Scenario { get; }

    public Trace Trace { get; }

    public TargetDescription Target { get; }

    public PartitionTable Partitions { get; }

    /// <summary>
    /// Where a real secure world answered: the first call whose answer no generated answer writes, so the case could
    /// not be read as answered (<see cref="AnsweredScenario"/>) and no rule judges it; null otherwise.
    /// </summary>
    public ConduitCall? Unread { get; init; }

    /// <summary>Every send step, twins resolved, in order.</summary>
    public IReadOnlyList<SendView> Sends => sends ??= Build();

    public SendView? SendAt(int stepIndex) => Sends.FirstOrDefault(s => s.Index == stepIndex);

    /// <summary>Every FFA_MSG_SEND_DIRECT_REQ2 step, in order.</summary>
    public IReadOnlyList<Send2View> Sends2 => sends2 ??=
        [.. Scenario.Steps.Select((step, i) => step is Send2Step send2 ? new Send2View(this, i, send2, Trace.Steps[i]) : null).OfType<Send2View>()];

    private SendView[] Build()
    {
        var list = new List<SendView>();
        for (var i = 0; i < Scenario.Steps.Length; i++)
        {
            if (Scenario.SendAt(i) is { } send)
            {
                list.Add(new SendView(this, i, send, Scenario.Steps[i] as TwinStep, Trace.Steps[i]));
            }
        }

        return [.. list];
    }
}
