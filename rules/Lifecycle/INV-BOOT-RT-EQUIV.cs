using FfaConformance.Rules.Model;
using FfaConformance.Scenarios.Steps;
using FfaConformance.Scenarios.Targets;
using static FfaConformance.Scenarios.Profiles.TerminalKind;

namespace FfaConformance.Rules.Lifecycle;

public sealed class InvBootRtEquiv() : TwinRule(new RuleInfo(
    "INV-BOOT-RT-EQUIV",
    Level.Should,
    Area.Lifecycle,
    "For identical secure-world answers, the boot-time entry (before ExitBootServices) and the runtime entry (after) issue identical calls and return identical results.",
    "The seed patch ([PATCH 02/12] arm-ffa: add FF-A bus runtime support, 2026-04-24), drivers/firmware/arm-ffa/arm-ffa-runtime.c, ffa_invoke_msg_send_direct_req() is shared by the boot-time ffa_msg_send_direct_req_hdlr() (arm-ffa-uclass.c) and the runtime ffa_msg_send_direct_req_hdlr_runtime(); the documented exception is the boot-time -ENODEV pre-check in ffa_msg_send_direct_req_hdlr(), which the scenarios never trigger.",
    Profiles.Twins(TwinVariation.BootVersusRuntime, Profiles.ShortChains, Response, CoreError, Success, UnknownFunction))
{
    Applicability = new(TargetCapabilities.ScriptableSecureWorld | TargetCapabilities.Lifecycle | TargetCapabilities.BootEntry),
    Coverage = ["DIRECT_RESP_32", "DIRECT_RESP_64", "FFA_ERROR_32", "depth 1"],
}, TwinVariation.BootVersusRuntime)
{
    protected override bool Exercises(SendView original) => original.IsLive;
}
