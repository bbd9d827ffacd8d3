using FfaConformance.Abi;
using FfaConformance.Scenarios;
using FfaConformance.Scenarios.Steps;
using FfaConformance.Scenarios.Traces;

namespace FfaConformance.Rules.Model;

/// <summary>One FFA_MSG_SEND_DIRECT_REQ of a case (a twin resolved against its original).</summary>
public sealed class SendView(CaseView owner, int index, SendStep step, TwinStep? twin, StepTrace trace) : RequestView(owner, index, step.Script, trace)
{
    public SendStep Step { get; } = step;

    public TwinStep? Twin { get; } = twin;

    public DirectRequest Request => Step.Request;

    public override ushort Destination => Request.Destination;

    public Convention Convention => Request.Convention;

    /// <summary>Boot-time entry before ExitBootServices; runtime entry after an ExitBootServices that carried boot data.</summary>
    public bool EntryOpen => Step.Entry == Entry.BootTime ? ExitBefore is null : ExitBefore is { WithContext: true };

    /// <summary>
    /// The entry is open, the message is there, an SMC32 payload fits in 32 bits and the destination is a
    /// destination the secure world answers (<see cref="RequestView.Reaches"/>).
    /// </summary>
    public override bool IsLive =>
        EntryOpen
        && Request.Message is { } message
        && (Convention == Convention.Smc64 || message.FitsIn32Bits)
        && Reaches;

    protected override string InterfaceClass => Convention == Convention.Smc64 ? "SMC64" : "SMC32";
}
