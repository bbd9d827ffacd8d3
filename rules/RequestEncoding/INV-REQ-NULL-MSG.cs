using FfaConformance.Rules.Model;
using FfaConformance.Scenarios.Targets;
using FfaConformance.Scenarios.Traces;

namespace FfaConformance.Rules.RequestEncoding;

public sealed class InvReqNullMsg() : SendRule(new RuleInfo(
    "INV-REQ-NULL-MSG",
    Level.Should,
    Area.RequestEncoding,
    "A NULL message pointer returns an error without issuing any call.",
    "Defensive (this suite's analysis): a NULL message is a caller bug that should fail cleanly, not fault in firmware that outlives ExitBootServices; edk2 MdeModulePkg/Library/ArmFfaLib/ArmFfaCommon.c, ArmFfaLibMsgSendDirectReq() rejects a NULL ImpDefArgs with EFI_INVALID_PARAMETER. The seed patch ([PATCH 02/12] arm-ffa: add FF-A bus runtime support, 2026-04-24), drivers/firmware/arm-ffa/arm-ffa-runtime.c, ffa_invoke_msg_send_direct_req() dereferences msg unchecked, and neither the boot-time ffa_msg_send_direct_req_hdlr() nor the runtime ffa_sync_send_receive_runtime() checks it.",
    Profiles.Requests with { Name = "requests with NULL messages", Request = Profiles.Requests.Request with { NullMessagePercent = 40 } })
{
    Applicability = new(TargetCapabilities.ScriptableSecureWorld | TargetCapabilities.NullMessage),
    Coverage = [Required.Smc32("SMC32"), "SMC64"],
})
{
    protected override bool Exercises(SendView send) => send.EntryOpen && send.Request.Message is null;

    protected override Finding? Violation(SendView send)
    {
        if (send.Calls.Count > 0)
        {
            return new Finding("a NULL message was sent anyway", 0, FindingField.Calls, "none", $"{send.Calls.Count}");
        }

        return Expect.Failure(send, "the message pointer is NULL");
    }
}
