using FfaConformance.Abi;
using FfaConformance.Rules.Model;
using FfaConformance.Scenarios.Answers;

namespace FfaConformance.Rules.ErrorMapping;

public sealed class InvErrnoTable() : SendRule(new RuleInfo(
    "INV-ERRNO-TABLE",
    Level.Must,
    Area.ErrorMapping,
    "FFA_ERROR codes map to errno as −1→-EOPNOTSUPP, −2→-EINVAL, −3→-ENOMEM, −4→-EBUSY, −5→-EINTR, −6→-EACCES, −7→-EAGAIN, −8→-ECANCELED.",
    "U-Boot drivers/firmware/arm-ffa/arm-ffa-uclass.c, ffa_to_std_errmap (ffa_to_std_errno()) and Linux drivers/firmware/arm_ffa/driver.c, ffa_linux_errmap (ffa_to_linux_errno()) agree on −1…−8.",
    Profiles.Final(Scenarios.Profiles.TerminalKind.CoreError))
{
    Applicability = Applicability.Scriptable with { Returns = ReturnConvention.Errno },
    Coverage = [.. Enumerable.Range(1, 8).Select(i => new Required(SendView.CodeClass(-i)))],
})
{
    protected override bool Exercises(SendView send) =>
        send.EndsAtOnce<ErrorAnswer>(out var error) && error.Extension == X2Extension.Zero && ErrnoTable.IsCoreCode(error.Code);

    protected override Finding? Violation(SendView send) => ErrorChecks.Maps(send);
}
