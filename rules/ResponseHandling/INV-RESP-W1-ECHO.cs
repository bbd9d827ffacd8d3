using FfaConformance.Abi;
using FfaConformance.Rules.Model;
using FfaConformance.Scenarios.Answers;

namespace FfaConformance.Rules.ResponseHandling;

public sealed class InvRespW1Echo() : SendRule(new RuleInfo(
    "INV-RESP-W1-ECHO",
    Level.Should,
    Area.ResponseHandling,
    "A DIRECT_RESP must carry w1[31:16] = the destination (or an endpoint resumed on the way) and w1[15:0] = the caller's ID; otherwise the call returns an error.",
    "The responder swaps the request's IDs (U-Boot drivers/firmware/arm-ffa/ffa-emul-uclass.c, sandbox_ffa_msg_send_direct_req(); OP-TEE core/arch/arm/kernel/thread_spmc_a64.S, thread_std_smc_entry); TF-A (services/std_svc/spm/el3_spmc/spmc_main.c, direct_resp_smc_handler()) and Hafnium (src/api.c, api_ffa_msg_send_direct_resp_validate_args()) validate on the SP side only. The seed patch ([PATCH 02/12] arm-ffa: add FF-A bus runtime support, 2026-04-24), drivers/firmware/arm-ffa/arm-ffa-runtime.c, ffa_invoke_msg_send_direct_req() does not check them, nor does Linux drivers/firmware/arm_ffa/driver.c, ffa_msg_send_direct_req().",
    Profiles.Final(Scenarios.Profiles.TerminalKind.ResponseWrongIds))
{
    Coverage = ["ids unswapped", "other responder", "other receiver"],
})
{
    protected override bool Exercises(SendView send) =>
        send.EndsAtOnce<DirectResponseAnswer>(out var response)
        && response.Width == send.Convention
        && response.W2 == 0
        && response.Endpoints(send.Self, send.Request.Destination) != new EndpointPair(send.Request.Destination, send.Self);

    protected override IEnumerable<string> Classify(SendView send)
    {
        send.EndsAtOnce<DirectResponseAnswer>(out var response);
        yield return response.Ids switch
        {
            ResponderIds.Unswapped => "ids unswapped",
            ResponderIds.OtherSender => "other responder",
            _ => "other receiver",
        };
    }

    protected override Finding? Violation(SendView send) => Expect.Failure(send, "the response's w1 names the wrong endpoints");
}
