using FfaConformance.Rules.Model;

namespace FfaConformance.Rules.RequestEncoding;

public sealed class InvReqW2Zero() : SendRule(new RuleInfo(
    "INV-REQ-W2-ZERO",
    Level.Must,
    Area.RequestEncoding,
    "x2 is 0 (all 64 bits) in every partition-message request.",
    "Fact sheet §3.1: w2 is reserved (v1.0) or flags with bit 31 = framework message (v1.1+); Hafnium and TF-A's EL3 SPMC reject a non-zero 64-bit x2 with INVALID_PARAMETERS.",
    Profiles.Requests)
{
    Coverage = ["SMC32", "SMC64"],
})
{
    protected override bool Exercises(SendView send) => send.Calls.Count > 0;

    protected override Finding? Violation(SendView send)
    {
        var x2 = send.Calls[0].Issued.X2;
        return x2 == 0 ? null : new Finding("the request's x2 is not zero", 0, "x2", "0", Show.Hex(x2));
    }
}
