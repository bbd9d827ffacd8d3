using FfaConformance.Abi;
using FfaConformance.Rules.Model;
using FfaConformance.Scenarios.Profiles;
using FfaConformance.Scenarios.Traces;
using static FfaConformance.Scenarios.Profiles.TerminalKind;

namespace FfaConformance.Rules.InterruptYield;

public sealed class InvIntRunTarget() : SendRule(new RuleInfo(
    "INV-INT-RUN-TARGET",
    Level.Must,
    Area.InterruptYield,
    "FFA_RUN's w1 is the w1[31:0] of the FFA_INTERRUPT/FFA_YIELD it answers (endpoint << 16 | vCPU), not the original destination; x2–x17 are 0.",
    "Hafnium src/api.c, api_preempt() returns the preempted context's (VM ID, vCPU) in w1; edk2 PR https://github.com/tianocore/edk2/pull/12800 (\"Fix FF-A direct message handling from the normal world\"): the chain may have moved, so resuming the original target is wrong.",
    Profiles.Chained(new ChainShape(0, 4, [new(LinkKind.Interrupt32, 3), new(LinkKind.Yield32, 1)]), Response, CoreError) with { NoisePercent = 40 })
{
    Coverage = ["resumes the destination", "resumes another endpoint"],
})
{
    protected override bool Exercises(SendView send) => send.IsLive && send.Flow.Depth > 0;

    protected override IEnumerable<string> Classify(SendView send)
    {
        foreach (var (_, answer) in Resumptions.Required(send))
        {
            yield return answer.Endpoint is null || answer.Endpoint == send.Request.Destination ? "resumes the destination" : "resumes another endpoint";
        }
    }

    protected override Finding? Violation(SendView send)
    {
        for (var c = 1; c < send.Calls.Count; c++)
        {
            var resumption = send.Calls[c - 1].Answer;
            var run = send.Calls[c].Issued;
            if (resumption is null || !Resumptions.IsValidRun(run.W0, send.Version)
                || !(FfaFunctions.Interrupt.Matches(resumption.W0) || FfaFunctions.Yield.Matches(resumption.W0)))
            {
                continue;
            }

            if (run.W1 != resumption.W1)
            {
                return new Finding("FFA_RUN does not resume the context the secure world named", c, FindingField.W(1),
                    $"{Show.Hex(resumption.W1)} ({TargetInfo.Unpack(resumption.W1)})", $"{Show.Hex(run.W1)} ({TargetInfo.Unpack(run.W1)})");
            }

            for (var i = 2; i < RegisterSet.Count; i++)
            {
                if (run[i] != 0)
                {
                    return new Finding($"FFA_RUN carries x{i}", c, FindingField.X(i), "0", Show.Hex(run[i]));
                }
            }
        }

        return null;
    }
}
