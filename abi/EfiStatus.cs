namespace FfaConformance.Abi;

/// <summary>
/// The EFI_STATUS values an FF-A library returns, with their 64-bit encodings: UEFI errors have bit 63 set
/// (edk2 MdePkg/Include/Base.h, ENCODE_ERROR()), PI errors bits 63 and 61 (MdePkg/Include/Pi/PiMultiPhase.h,
/// PI_ENCODE_ERROR(), which gives EFI_INTERRUPT_PENDING).
/// </summary>
public static class EfiStatus
{
    public const ulong Success = 0;
    public const ulong InvalidParameter = Error | 2;
    public const ulong Unsupported = Error | 3;
    public const ulong NotReady = Error | 6;
    public const ulong DeviceError = Error | 7;
    public const ulong OutOfResources = Error | 9;
    public const ulong NotFound = Error | 14;
    public const ulong AccessDenied = Error | 15;
    public const ulong NoResponse = Error | 16;
    public const ulong Timeout = Error | 18;
    public const ulong Aborted = Error | 21;
    public const ulong ProtocolError = Error | 24;
    public const ulong InterruptPending = Error | (Error >> 2);

    private const ulong Error = 0x8000_0000_0000_0000;

    private static readonly Dictionary<ulong, string> Names = new()
    {
        [Success] = "EFI_SUCCESS",
        [InvalidParameter] = "EFI_INVALID_PARAMETER",
        [Unsupported] = "EFI_UNSUPPORTED",
        [NotReady] = "EFI_NOT_READY",
        [DeviceError] = "EFI_DEVICE_ERROR",
        [OutOfResources] = "EFI_OUT_OF_RESOURCES",
        [NotFound] = "EFI_NOT_FOUND",
        [AccessDenied] = "EFI_ACCESS_DENIED",
        [NoResponse] = "EFI_NO_RESPONSE",
        [Timeout] = "EFI_TIMEOUT",
        [Aborted] = "EFI_ABORTED",
        [ProtocolError] = "EFI_PROTOCOL_ERROR",
        [InterruptPending] = "EFI_INTERRUPT_PENDING",
    };

    /// <summary>EFI_ERROR(): bit 63 set.</summary>
    public static bool IsError(long status) => status < 0;

    /// <summary>"EFI_NOT_FOUND" for a status this list names, the hexadecimal value otherwise.</summary>
    public static string Describe(long status) =>
        Names.TryGetValue((ulong)status, out var name) ? name : $"0x{(ulong)status:X16}";

    /// <summary>
    /// The status edk2's ArmFfaLib returns for an outcome: MdeModulePkg/Library/ArmFfaLib/ArmFfaCommon.c,
    /// FfaStatusToEfiStatus(); an error code it does not list (and so a protocol error) falls to EFI_UNSUPPORTED.
    /// </summary>
    public static long For(CallOutcome outcome) => (long)(outcome switch
    {
        CallOutcome.Completed => Success,
        CallOutcome.InvalidParameters => InvalidParameter,
        CallOutcome.NoMemory => OutOfResources,
        CallOutcome.Busy => NoResponse,
        CallOutcome.Interrupted => InterruptPending,
        CallOutcome.Denied => AccessDenied,
        CallOutcome.Aborted => Aborted,
        CallOutcome.NoData => NotFound,
        CallOutcome.NotReady => NotReady,
        CallOutcome.Retry => Timeout,
        _ => Unsupported,
    });
}
