using FfaConformance.Abi;
using FfaConformance.Rules.Model;

namespace FfaConformance.Rules.ErrorMapping;

public sealed class InvEfiStatusTotal() : ErrorTotalRule(new RuleInfo(
    "INV-EFI-STATUS-TOTAL",
    Level.Must,
    Area.ErrorMapping,
    "Every FFA_ERROR is an EFI_ERROR() status; codes 0, positive or ≤ −11 map to the one catch-all (EFI_UNSUPPORTED), never to EFI_SUCCESS. (INTERRUPTED's EFI_INTERRUPT_PENDING is one a caller resumes: see INV-EFI-STATUS-TABLE.)",
    "Defensive (this suite's analysis), as INV-ERRNO-TOTAL for errno: an FFA_ERROR must never read as success. edk2 MdeModulePkg/Library/ArmFfaLib/ArmFfaCommon.c, FfaStatusToEfiStatus() gives its default, EFI_UNSUPPORTED, to codes it does not list, but lists ARM_FFA_RET_SUCCESS (0) as EFI_SUCCESS, which FfaArgsToEfiStatus() reaches for an FFA_ERROR with w2 = 0, the counter-example.",
    RefusalCodes)
{
    Applicability = Applicability.Scriptable with { Returns = ReturnConvention.EfiStatus },
});
