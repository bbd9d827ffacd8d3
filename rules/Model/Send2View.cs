using FfaConformance.Scenarios;
using FfaConformance.Scenarios.Steps;
using FfaConformance.Scenarios.Traces;

namespace FfaConformance.Rules.Model;

/// <summary>One FFA_MSG_SEND_DIRECT_REQ2 of a case.</summary>
public sealed class Send2View(CaseView owner, int index, Send2Step step, StepTrace trace) : RequestView(owner, index, step.Script, trace)
{
    public Send2Step Step { get; } = step;

    public DirectRequest2 Request => Step.Request;

    public override ushort Destination => Request.Destination;

    /// <summary>The REQ2 entry is a runtime entry: open after an ExitBootServices that carried boot data.</summary>
    public bool EntryOpen => ExitBefore is { WithContext: true };

    /// <summary>
    /// The entry is open, the negotiated version has REQ2 (v1.2 and later) and the destination is a partition
    /// the secure world answers (<see cref="RequestView.Reaches"/>; any service UUID: the secure world judges it, not the caller).
    /// </summary>
    public override bool IsLive => EntryOpen && Version >= Abi.FfaVersion.V1_2 && Reaches;

    protected override string InterfaceClass => "REQ2";
}
