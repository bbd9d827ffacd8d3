using FfaConformance.Abi;
using FfaConformance.Rules.Model;
using FfaConformance.Scenarios.Answers;
using FfaConformance.Scenarios.Profiles;
using FfaConformance.Scenarios.Traces;

namespace FfaConformance.Rules.InterruptYield;

public sealed class InvInt64Gated() : SendRule(new RuleInfo(
    "INV-INT-64-GATED",
    Level.Must,
    Area.InterruptYield,
    "Before v1.3 is negotiated, 0xC4000062 (FFA_INTERRUPT_64) and 0xC400006C (FFA_YIELD_64) are not resumed but end the request with an error, and 0xC400006D (FFA_RUN_64) is never issued.",
    "ArmFirmwareCrates/arm-ffa src/lib.rs, FuncId::minimum_ffa_version() gives these IDs v1.3 (commit 24fa050, \"Add 64-bit variants for various function IDs\"; an ALP revision of Arm DEN0077 (FF-A) v1.3, wording not verified); TF-A include/services/ffa_svc.h and Hafnium inc/vmapi/hf/ffa.h define only the SMC32 forms, and TF-A services/std_svc/spmd/spmd_main.c, spmd_smc_handler() and Hafnium src/arch/aarch64/hypervisor/handler.c, smc_handler_from_nwd() answer 0xC400006D with NOT_SUPPORTED. The seed patch ([PATCH 02/12] arm-ffa: add FF-A bus runtime support, 2026-04-24), drivers/firmware/arm-ffa/arm-ffa-runtime.c, ffa_invoke_msg_send_direct_req() accepts 0xC4000062 and issues 0xC400006D at the v1.0 that U-Boot drivers/firmware/arm-ffa/arm-ffa-uclass.c, ffa_get_version_hdlr() negotiates.",
    Profiles.Chained(new ChainShape(0, 3, [new(LinkKind.Interrupt32, 1), new(LinkKind.Interrupt64, 2), new(LinkKind.Yield64, 1)]), TerminalKind.Response))
{
    Applicability = Applicability.Scriptable with { Below = FfaVersion.V1_3 },
    Coverage = ["FFA_INTERRUPT_64", "FFA_YIELD_64"],
})
{
    protected override bool Exercises(SendView send) =>
        send.IsPlainLive && send.Flow.Stop is Resumption { Width: Convention.Smc64 };

    protected override Finding? Violation(SendView send)
    {
        var run64 = FfaFunctions.Run.Id(Convention.Smc64).Value;
        for (var c = 0; c < send.Calls.Count; c++)
        {
            if (send.Calls[c].Issued.W0 == run64)
            {
                return new Finding($"FFA_RUN_64 issued at {send.Version}, where the ID does not exist", c, FindingField.W(0), Show.Id(FfaFunctions.Run.Id(Convention.Smc32).Value), Show.Id(run64));
            }
        }

        var stop = send.Flow.Depth;
        if (send.Calls.Count > stop + 1)
        {
            return new Finding($"{send.Flow.Stop!.Label} was resumed at {send.Version}", stop + 1, FindingField.NextCall, "none", Show.Id(send.Calls[stop + 1].Issued.W0));
        }

        return Expect.Failure(send, $"{send.Flow.Stop!.Label} does not exist at {send.Version}");
    }
}
