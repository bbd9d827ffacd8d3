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
    "The seed shares ffa_invoke_msg_send_direct_req between both paths (fact sheet §6.4 D5); the documented exception is the boot-time -ENODEV pre-check, which the scenarios never trigger.",
    Profiles.Twins(TwinVariation.BootVersusRuntime, Profiles.ShortChains, Response, CoreError, Success, UnknownFunction))
{
    Applicability = new(TargetCapabilities.ScriptableSecureWorld | TargetCapabilities.Lifecycle | TargetCapabilities.BootEntry),
    Coverage = ["DIRECT_RESP_32", "DIRECT_RESP_64", "FFA_ERROR_32", "depth 1"],
}, TwinVariation.BootVersusRuntime)
{
    protected override bool Exercises(SendView original) => original.IsLive;
}
