namespace FfaConformance.Abi;

/// <summary>
/// The w0 values a caller can get back from a direct request, in any width and at any version: FFA_MSG_SEND_DIRECT_RESP, FFA_ERROR, FFA_INTERRUPT, FFA_YIELD (v1.1), FFA_SUCCESS (no completion, but seen from non-conforming SPMCs) and SMCCC NOT_SUPPORTED (no FF-A behind the conduit), as the
/// FF-A specification (Arm DEN0077A, FFA_MSG_SEND_DIRECT_REQ) describes them and Linux's ffa_msg_send_direct_req
/// (drivers/firmware/arm_ffa/driver.c) tells them apart.
/// </summary>
public static class DirectRequestReplies
{
    public static bool IsListed(uint w0) =>
        FfaFunctions.DirectResponse.Matches(w0) || FfaFunctions.Error.Matches(w0) || FfaFunctions.Success.Matches(w0)
        || FfaFunctions.Interrupt.Matches(w0) || FfaFunctions.Yield.Matches(w0) || w0 == Smccc.NotSupported;
}
