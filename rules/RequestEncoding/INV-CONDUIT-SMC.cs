using FfaConformance.Rules.Model;
using FfaConformance.Scenarios.Profiles;
using FfaConformance.Scenarios.Traces;
using static FfaConformance.Scenarios.Profiles.TerminalKind;

namespace FfaConformance.Rules.RequestEncoding;

public sealed class InvConduitSmc() : SendRule(new RuleInfo(
    "INV-CONDUIT-SMC",
    Level.Should,
    Area.RequestEncoding,
    "Every call of one request (the request and each FFA_RUN) goes through the same conduit instruction.",
    "U-Boot drivers/firmware/arm-ffa/arm-ffa.c, invoke_ffa_fn() always issues SMC (arm_smccc_1_2_smc()); Linux drivers/firmware/arm_ffa/smccc.c, ffa_transport_init() picks SMC or HVC once from the PSCI conduit. Mixing conduits reaches a different handler mid-chain.",
    Profiles.Chained(new ChainShape(0, 4, [new(LinkKind.Interrupt32, 2), new(LinkKind.Yield32, 1)]), Response, CoreError))
{
    Coverage = ["depth 1", "depth 2–3"],
})
{
    protected override bool Exercises(SendView send) => send.Calls.Count > 1;

    protected override Finding? Violation(SendView send)
    {
        var first = send.Calls[0].Conduit;
        for (var c = 1; c < send.Calls.Count; c++)
        {
            if (send.Calls[c].Conduit != first)
            {
                return new Finding("the conduit changed within one request", c, FindingField.Conduit, first.ToString().ToUpperInvariant(), send.Calls[c].Conduit.ToString().ToUpperInvariant());
            }
        }

        return null;
    }
}
