using FfaConformance.Scenarios.Steps;
using FfaConformance.Scenarios.Targets;
using FfaConformance.Scenarios.Traces;
using FfaConformance.SecureWorld;

namespace FfaConformance.Adapters.Contract;

/// <summary>
/// A target driven one step at a time: <see cref="BeginCase"/>, then each step; a step the harness had to stop
/// returns <see cref="Stopped"/> and the case ends there.
/// </summary>
public interface IStepwiseTarget : ITarget
{
    /// <summary>Fresh resident state; boot-time data handed over as the transport's boot phase would.</summary>
    void BeginCase(CaseSession session, BootData boot);

    StepOutcome Send(SendStep step);

    /// <summary>An FFA_MSG_SEND_DIRECT_REQ2, on a target whose description grants <see cref="TargetCapabilities.DirectRequest2"/>.</summary>
    StepOutcome Send2(Send2Step step);

    StepOutcome ExitBootServices(ExitBootServicesStep step);

    /// <summary>SetVirtualAddressMap, on a target whose description grants <see cref="TargetCapabilities.VirtualAddressMap"/>.</summary>
    StepOutcome SetVirtualAddressMap(SetVirtualAddressMapStep step) =>
        throw new InvalidOperationException($"{Description.Name} cannot play SetVirtualAddressMap, but a case asks for it");

    void ITarget.Run(CaseSession session, BootData boot)
    {
        BeginCase(session, boot);
        var steps = session.Scenario.Steps;
        for (var i = 0; i < steps.Length; i++)
        {
            session.BeginStep(i);
            var outcome = steps[i] switch
            {
                ExitBootServicesStep ebs => ExitBootServices(ebs),
                SetVirtualAddressMapStep svam => SetVirtualAddressMap(svam),
                Send2Step send2 => Send2(send2),
                _ => Send(session.Scenario.SendAt(i) ?? throw new InvalidOperationException($"step {i + 1} is no send: {steps[i]}")),
            };
            session.EndStep(outcome);
            if (outcome is Stopped)
            {
                break;
            }
        }
    }
}
