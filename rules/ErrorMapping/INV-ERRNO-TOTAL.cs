using FfaConformance.Abi;
using FfaConformance.Rules.Model;
using FfaConformance.Scenarios.Answers;
using static FfaConformance.Scenarios.Profiles.TerminalKind;

namespace FfaConformance.Rules.ErrorMapping;

public sealed class InvErrnoTotal() : SendRule(new RuleInfo(
    "INV-ERRNO-TOTAL",
    Level.Must,
    Area.ErrorMapping,
    "Every FFA_ERROR maps to a negative errno; codes 0, positive or ≤ −11 map to the one catch-all (-EINVAL), never to 0.",
    "Defensive (this suite's analysis): an FFA_ERROR must never read as success, so every code outside the table gets the one catch-all. U-Boot drivers/firmware/arm-ffa/arm-ffa-uclass.c, ffa_to_std_errno() maps out-of-table codes to -EINVAL; Linux drivers/firmware/arm_ffa/driver.c, ffa_to_linux_errno() maps code 0 to 0 (success), the counter-example.",
    Profiles.Final(UnknownErrorCode, CoreError, LaterError))
{
    Coverage = ["code 0", "positive code", "code ≤ −11", "defined code"],
})
{
    protected override bool Exercises(SendView send) =>
        send.EndsAtOnce<ErrorAnswer>(out var error) && error.Extension == X2Extension.Zero;

    protected override IEnumerable<string> Classify(SendView send)
    {
        send.EndsAtOnce<ErrorAnswer>(out var error);
        yield return error.Code switch
        {
            0 => "code 0",
            > 0 => "positive code",
            <= -11 => "code ≤ −11",
            _ => "defined code",
        };
    }

    protected override Finding? Violation(SendView send)
    {
        send.EndsAtOnce<ErrorAnswer>(out var error);
        if (!FfaErrors.IsDefined(error.Code))
        {
            return ErrnoChecks.Maps(send);
        }

        return Expect.Failure(send, $"FFA_ERROR {FfaErrors.Describe(error.Code)} is an error");
    }
}
