using FfaConformance.Abi;
using FfaConformance.Rules.Model;
using FfaConformance.Scenarios;
using FfaConformance.Scenarios.Traces;

namespace FfaConformance.Rules.RequestEncoding;

public sealed class InvReqSelfId() : SendRule(new RuleInfo(
    "INV-REQ-SELF-ID",
    Level.Must,
    Area.RequestEncoding,
    "w1[31:16] of every request is the endpoint ID FFA_ID_GET reported at boot, through the boot-time entry and after ExitBootServices alike.",
    "The sender field is the caller's own ID, which U-Boot drivers/firmware/arm-ffa/arm-ffa-uclass.c, ffa_get_endpoint_id() takes from FFA_ID_GET w2[15:0]; an SPMC rejects a wrong sender with INVALID_PARAMETERS (Hafnium src/api.c, api_ffa_msg_send_direct_req()). The seed patch ([PATCH 02/12] arm-ffa: add FF-A bus runtime support, 2026-04-24), drivers/firmware/arm-ffa/arm-ffa-runtime.c, ffa_rt_exit_boot_services_notify() still enables runtime on a NULL ExitBootServices context, so ffa_msg_send_direct_req_hdlr_runtime() sends ID 0.",
    Profiles.Lifecycle)
{
    Applicability = Applicability.Lifecycle,
    Coverage = ["boot-time entry", "runtime entry", "non-zero endpoint ID"],
})
{
    protected override bool Exercises(SendView send) => send.Calls.Count > 0;

    protected override IEnumerable<string> Classify(SendView send)
    {
        yield return send.Step.Entry == Entry.Runtime ? "runtime entry" : "boot-time entry";
        yield return send.Self == 0 ? "endpoint ID 0" : "non-zero endpoint ID";
        if (send.ExitBefore is { WithContext: false })
        {
            yield return "after a NULL-context ExitBootServices";
        }
    }

    protected override Finding? Violation(SendView send)
    {
        var sender = EndpointPair.Unpack(send.Calls[0].Issued.X1).Sender;
        return sender == send.Self
            ? null
            : new Finding("w1[31:16] is not the endpoint ID reported at boot", 0, FindingField.X(1, 31, 16), $"0x{send.Self:X4}", $"0x{sender:X4}");
    }
}
