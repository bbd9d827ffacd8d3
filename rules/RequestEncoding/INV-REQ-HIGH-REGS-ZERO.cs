using FfaConformance.Abi;
using FfaConformance.Rules.Model;
using FfaConformance.Scenarios.Traces;

namespace FfaConformance.Rules.RequestEncoding;

public sealed class InvReqHighRegsZero() : SendRule(new RuleInfo(
    "INV-REQ-HIGH-REGS-ZERO",
    Level.Must,
    Area.RequestEncoding,
    "x8–x17 are 0 on every call the transport issues (the request and every FFA_RUN).",
    "x8–x17 are reserved (SBZ) for these ABIs up to v1.2 (Arm DEN0077 (FF-A) v1.2, section \"FFA_MSG_SEND_DIRECT_REQ\", wording not verified); TF-A services/std_svc/spmd/spmd_main.c, spmd_smc_switch_state() forwards x8–x17 for SMC64 callers at v1.2, so stale values would reach the partition.",
    Profiles.Requests)
{
    Coverage = ["depth 0", "depth 1"],
})
{
    protected override bool Exercises(SendView send) => send.Calls.Count > 0;

    protected override Finding? Violation(SendView send)
    {
        for (var c = 0; c < send.Calls.Count; c++)
        {
            var issued = send.Calls[c].Issued;
            for (var i = 8; i < RegisterSet.Count; i++)
            {
                if (issued[i] != 0)
                {
                    return new Finding($"{FfaFunctions.Describe(issued.W0)} leaves x{i} non-zero", c, FindingField.X(i), "0", Show.Hex(issued[i]));
                }
            }
        }

        return null;
    }
}
