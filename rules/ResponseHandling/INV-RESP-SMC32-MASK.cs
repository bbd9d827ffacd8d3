using FfaConformance.Abi;
using FfaConformance.Rules.Model;
using FfaConformance.Scenarios.Answers;
using FfaConformance.Scenarios.Targets;

namespace FfaConformance.Rules.ResponseHandling;

public sealed class InvRespSmc32Mask() : SendRule(new RuleInfo(
    "INV-RESP-SMC32-MASK",
    Level.Must,
    Area.ResponseHandling,
    "For an SMC32 response, data_i is the zero-extended w(3+i): the upper halves of x3–x7 never reach the caller.",
    "SMCCC SMC32 results are 32-bit (Arm DEN0028 (SMCCC) v1.2, section \"SMC32/HVC32 argument passing\", wording not verified); Hafnium src/api.c, api_ffa_value_copy32() truncates, but TF-A services/std_svc/spmd/spmd_main.c, spmd_smc_switch_state() forwards an S-EL1 SPMC's x3–x7 unmodified, so upper halves are undefined. The seed patch ([PATCH 02/12] arm-ffa: add FF-A bus runtime support, 2026-04-24), drivers/firmware/arm-ffa/arm-ffa-runtime.c, ffa_invoke_msg_send_direct_req() copies x3–x7 raw as 64-bit values.",
    Profiles.Final(Scenarios.Profiles.TerminalKind.Response) with { Name = "SMC32 responses with noise above w3–w7", NoisePercent = 70 })
{
    Applicability = Applicability.Scriptable with { Needs = TargetCapabilities.ScriptableSecureWorld | TargetCapabilities.Smc32Request },
    Coverage = ["x3–x7[63:32] set"],
})
{
    protected override bool Exercises(SendView send) =>
        send.Convention == Convention.Smc32
        && send.EndsAtOnce<DirectResponseAnswer>(out var response)
        && Payloads.IsMatching(response, send)
        && response.Noise.UpperHalves != 0;

    protected override IEnumerable<string> Classify(SendView send)
    {
        yield return "x3–x7[63:32] set";
    }

    protected override Finding? Violation(SendView send)
    {
        send.EndsAtOnce<DirectResponseAnswer>(out var response);
        return Expect.Return(send, r => Payloads.Completed(send, r, Payloads.Expected(response), 0, response.Width, lowHalvesOfSmc32: false));
    }
}
