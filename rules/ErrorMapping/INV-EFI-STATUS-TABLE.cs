using FfaConformance.Abi;
using FfaConformance.Rules.Model;
using FfaConformance.Scenarios.Answers;

namespace FfaConformance.Rules.ErrorMapping;

public sealed class InvEfiStatusTable() : SendRule(new RuleInfo(
    "INV-EFI-STATUS-TABLE",
    Level.Must,
    Area.ErrorMapping,
    $"FFA_ERROR codes map to EFI_STATUS as {string.Join(", ", Codes.Select(e => $"{FfaErrors.Describe((int)e)}→{EfiStatus.Describe(EfiStatus.For((CallOutcome)(int)e))}"))} (−9 from v1.1, −10 from v1.2). INTERRUPTED (−5) is EFI_INTERRUPT_PENDING in this table, the status FFA_INTERRUPT gets, which callers resume: what follows it is judged by INV-LOOP-TERMINATES-ON-OTHER.",
    "edk2 MdeModulePkg/Library/ArmFfaLib/ArmFfaCommon.c, FfaStatusToEfiStatus() and its inverse EfiStatusToFfaStatus(); edk2's callers act on these statuses (ArmPkg/Drivers/MmCommunicationDxe/MmCommunication.c, SendFfaMmCommunicate() retries EFI_NO_RESPONSE and resumes EFI_INTERRUPT_PENDING). The codes come from Arm DEN0077 (FF-A) v1.2, section \"Error codes\" (wording not verified) and edk2 MdePkg/Include/IndustryStandard/ArmFfaSvc.h.",
    Profiles.Final(Scenarios.Profiles.TerminalKind.RefusalError))
{
    Applicability = Applicability.Scriptable with { Returns = ReturnConvention.EfiStatus },
    Coverage = [.. Codes.Select(e => new Required(SendView.CodeClass((int)e), FfaErrors.Since(e) == FfaVersion.V1_0 ? null : FfaErrors.Since(e)))],
})
{
    protected override bool Exercises(SendView send) =>
        send.EndsAtOnce<ErrorAnswer>(out var error)
        && error.Extension == X2Extension.Zero
        && Codes.Contains((FfaError)error.Code)
        && FfaErrors.Since((FfaError)error.Code) <= send.Version;

    protected override Finding? Violation(SendView send) => ErrorChecks.Maps(send);

    /// <summary>Every defined code but INTERRUPTED, whose EFI_STATUS is also the one a caller resumes.</summary>
    internal static IReadOnlyList<FfaError> Codes => [.. FfaErrors.All.Where(e => e != FfaError.Interrupted)];
}
