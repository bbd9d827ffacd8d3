using FfaConformance.Rules.Model;
using FfaConformance.Scenarios.Steps;
using static FfaConformance.Scenarios.Profiles.TerminalKind;

namespace FfaConformance.Rules.ResponseHandling;

public sealed class InvRespW032() : TwinRule(new RuleInfo(
    "INV-RESP-W0-32",
    Level.Must,
    Area.ResponseHandling,
    "How a reply is handled depends only on x0[31:0]: whatever x0[63:32] holds, the calls and the result are the same.",
    "SMCCC function IDs are 32-bit (Arm DEN0028 (SMCCC) v1.2, section \"Function Identifier\", wording not verified; Linux commit ded4c39e93f3, \"arm/arm64: smccc: Make function identifiers an unsigned quantity\"); Trusty commit 43225004 (\"Cast FF-A registers to the correct types\") reads the FID as unsigned 32-bit. The seed patch ([PATCH 02/12] arm-ffa: add FF-A bus runtime support, 2026-04-24), drivers/firmware/arm-ffa/arm-ffa-runtime.c, ffa_invoke_msg_send_direct_req() compares all 64 bits of x0, which works only with zero-extending firmware.",
    Profiles.Twins(TwinVariation.X0UpperHalf, Profiles.ShortChains, Response, CoreError, Success, UnknownFunction))
{
    Coverage = ["DIRECT_RESP_32", "DIRECT_RESP_64", "FFA_ERROR_32", "depth 1"],
}, TwinVariation.X0UpperHalf)
{
    protected override bool Exercises(SendView original) => original.IsLive;
}
