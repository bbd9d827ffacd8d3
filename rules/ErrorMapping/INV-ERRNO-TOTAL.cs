using FfaConformance.Abi;
using FfaConformance.Rules.Model;

namespace FfaConformance.Rules.ErrorMapping;

public sealed class InvErrnoTotal() : ErrorTotalRule(new RuleInfo(
    "INV-ERRNO-TOTAL",
    Level.Must,
    Area.ErrorMapping,
    "Every FFA_ERROR maps to a negative errno; codes 0, positive or ≤ −11 map to the one catch-all (-EINVAL), never to 0.",
    "Defensive (this suite's analysis): an FFA_ERROR must never read as success, so every code outside the table gets the one catch-all. U-Boot drivers/firmware/arm-ffa/arm-ffa-uclass.c, ffa_to_std_errno() maps out-of-table codes to -EINVAL; Linux drivers/firmware/arm_ffa/driver.c, ffa_to_linux_errno() maps code 0 to 0 (success), the counter-example.",
    Codes)
{
    Applicability = Applicability.Scriptable with { Returns = ReturnConvention.Errno },
});
