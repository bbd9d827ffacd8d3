using FfaConformance.Rules.Model;
using FfaConformance.Scenarios.Traces;

namespace FfaConformance.Rules.RequestEncoding;

public sealed class InvReqW2Zero() : SendRule(new RuleInfo(
    "INV-REQ-W2-ZERO",
    Level.Must,
    Area.RequestEncoding,
    "x2 is 0 (all 64 bits) in every partition-message request.",
    "w2 is reserved (v1.0) or flags with bit 31 = framework message (v1.1+) (Arm DEN0077 (FF-A) v1.1, section \"FFA_MSG_SEND_DIRECT_REQ\", wording not verified); Hafnium src/api.c, api_ffa_msg_send_direct_req() and TF-A services/std_svc/spm/el3_spmc/spmc_main.c, direct_msg_validate_arg2() reject a non-zero 64-bit x2 with INVALID_PARAMETERS.",
    Profiles.Requests)
{
    Applicability = Applicability.AnyAnswer,
    Coverage = [Required.Smc32("SMC32"), "SMC64"],
})
{
    protected override bool Exercises(SendView send) => send.Calls.Count > 0;

    protected override Finding? Violation(SendView send)
    {
        var x2 = send.Calls[0].Issued.X2;
        return x2 == 0 ? null : new Finding("the request's x2 is not zero", 0, FindingField.X(2), "0", Show.Hex(x2));
    }
}
