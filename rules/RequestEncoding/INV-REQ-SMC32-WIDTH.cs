using FfaConformance.Abi;
using FfaConformance.Rules.Model;
using FfaConformance.Scenarios.Targets;
using FfaConformance.Scenarios.Traces;

namespace FfaConformance.Rules.RequestEncoding;

public sealed class InvReqSmc32Width() : SendRule(new RuleInfo(
    "INV-REQ-SMC32-WIDTH",
    Level.Should,
    Area.RequestEncoding,
    "In SMC32 mode a payload word with bits[63:32] set is refused (an error, no call) or masked deterministically (x3–x7[63:32] = 0), never passed for the callee to truncate.",
    "SMCCC: the upper halves of SMC32 arguments are UNDEFINED and ignored by the handler (TF-A docs/getting_started/rt-svc-writers-guide.rst; Arm DEN0028 (SMCCC) v1.2, section \"SMC32/HVC32 argument passing\", wording not verified); Hafnium src/api.c, api_ffa_value_copy32() truncates. The seed patch ([PATCH 02/12] arm-ffa: add FF-A bus runtime support, 2026-04-24), drivers/firmware/arm-ffa/arm-ffa-runtime.c, ffa_invoke_msg_send_direct_req() passes data0–data4 through unmasked.",
    Profiles.Requests)
{
    Applicability = Applicability.AnyAnswer with { Needs = TargetCapabilities.Smc32Request },
    Coverage = ["payload word with bits[63:32] set"],
})
{
    protected override bool Exercises(SendView send) =>
        send.EntryOpen && send.Convention == Convention.Smc32 && send.Request.Message is { FitsIn32Bits: false };

    protected override IEnumerable<string> Classify(SendView send)
    {
        yield return "payload word with bits[63:32] set";
    }

    protected override Finding? Violation(SendView send)
    {
        if (send.Calls.Count == 0)
        {
            return Expect.Return(send, r => send.Returns.Refuses(r.ReturnValue)
                ? null
                : new Finding("an SMC32 payload that does not fit was neither sent nor refused", null, FindingField.ReturnValue, send.Returns.Refusal, send.Returns.Describe(r.ReturnValue)));
        }

        var issued = send.Calls[0].Issued;
        for (var i = 3; i <= 7; i++)
        {
            if (issued[i] >> 32 != 0)
            {
                return new Finding($"x{i}[63:32] is passed to an SMC32 callee, which will drop it", 0, FindingField.X(i, 63, 32), "0 (or no call)", Show.Hex(issued[i] >> 32));
            }
        }

        return null;
    }
}
