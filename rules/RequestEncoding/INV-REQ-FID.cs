using FfaConformance.Abi;
using FfaConformance.Rules.Model;
using FfaConformance.Scenarios.Traces;

namespace FfaConformance.Rules.RequestEncoding;

public sealed class InvReqFid() : SendRule(new RuleInfo(
    "INV-REQ-FID",
    Level.Must,
    Area.RequestEncoding,
    "A request uses w0 = 0x8400006F when SMC32 is selected and 0xC400006F when SMC64 is selected; no other function ID starts a request.",
    "FFA_MSG_SEND_DIRECT_REQ exists in both widths from v1.0 (Arm DEN0077 (FF-A) v1.0, section \"FFA_MSG_SEND_DIRECT_REQ\", wording not verified): TF-A include/services/ffa_svc.h, Hafnium inc/vmapi/hf/ffa.h and Linux include/linux/arm_ffa.h define 0x8400006F and 0xC400006F.",
    Profiles.Requests)
{
    Applicability = Applicability.AnyAnswer,
    Coverage = [Required.Smc32("SMC32"), "SMC64"],
})
{
    protected override bool Exercises(SendView send) => send.Calls.Count > 0;

    protected override Finding? Violation(SendView send)
    {
        var expected = FfaFunctions.DirectRequest.Id(send.Convention).Value;
        var w0 = send.Calls[0].Issued.W0;
        return w0 == expected
            ? null
            : new Finding($"an {send.Convention} request starts with {FfaFunctions.Describe(w0)}", 0, FindingField.W(0), Show.Id(expected), Show.Id(w0));
    }
}
