using FfaConformance.Abi;
using FfaConformance.Rules.ErrorMapping;
using FfaConformance.Rules.Model;
using FfaConformance.Scenarios.Answers;

namespace FfaConformance.Rules.InterruptYield;

public sealed class InvRunError() : SendRule(new RuleInfo(
    "INV-RUN-ERROR",
    Level.Must,
    Area.InterruptYield,
    "FFA_ERROR returned to an FFA_RUN ends the request in the same outcome, returned the same way, as that error returned to the request.",
    "Hafnium src/api.c, api_ffa_run() and src/ffa/spmc/cpu_cycles.c, ffa_cpu_cycles_run_checks() fail FFA_RUN with INVALID_PARAMETERS, BUSY, DENIED or ABORTED.",
    Profiles.Chained(Profiles.InterruptChains, Scenarios.Profiles.TerminalKind.CoreError))
{
    Coverage = ["depth 1", "depth 2–3", "depth 4–7"],
})
{
    protected override bool Exercises(SendView send) =>
        send.IsPlainLive
        && send.Flow.Depth > 0
        && send.Flow.Stop is ErrorAnswer { Extension: X2Extension.Zero } error
        && ErrnoTable.IsCoreCode(error.Code);

    protected override Finding? Violation(SendView send) => ErrorChecks.Maps(send);
}
