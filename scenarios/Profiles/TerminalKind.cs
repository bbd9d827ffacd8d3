namespace FfaConformance.Scenarios.Profiles;

/// <summary>The kinds of answer that end a script (<see cref="Abi.DirectRequestReplies"/>), as a profile weighs them.</summary>
public enum TerminalKind
{
    /// <summary>
    /// DIRECT_RESP of the request's width, IDs echoed, w2 = 0 (one in ten of them a response a real secure world gave,
    /// from generators/Corpus); for a REQ2, DIRECT_RESP2 with the IDs echoed.
    /// </summary>
    Response,

    /// <summary>DIRECT_RESP of the other width.</summary>
    ResponseOtherWidth,

    /// <summary>The response of the other direct-messaging interface: DIRECT_RESP2 to a REQ, DIRECT_RESP of either width to a REQ2.</summary>
    ResponseOtherInterface,

    /// <summary>DIRECT_RESP of the request's width (DIRECT_RESP2 for a REQ2) whose w1 names the wrong endpoints.</summary>
    ResponseWrongIds,

    /// <summary>DIRECT_RESP of the request's width with w2 ≠ 0 (framework bit or other bits).</summary>
    ResponseNonZeroW2,

    /// <summary>FFA_ERROR_32 with a v1.0 code, −1…−8.</summary>
    CoreError,

    /// <summary>FFA_ERROR_32 with NO_DATA (−9) or NOT_READY (−10).</summary>
    LaterError,

    /// <summary>
    /// FFA_ERROR_32 with a defined code other than INTERRUPTED (−5), for a convention whose INTERRUPTED status is also
    /// the one a caller resumes (EFI_INTERRUPT_PENDING): −1…−4 and −6…−10.
    /// </summary>
    RefusalError,

    /// <summary>FFA_ERROR_32 with 0, a positive code, or ≤ −11.</summary>
    UnknownErrorCode,

    /// <summary>FFA_SUCCESS of either width.</summary>
    Success,

    /// <summary>SMCCC NOT_SUPPORTED in x0 (all of it or w0), other registers as called.</summary>
    SmcccUnknown,

    /// <summary>A w0 that is no valid reply at the negotiated version: other FF-A IDs or arbitrary values.</summary>
    UnknownFunction,
}
