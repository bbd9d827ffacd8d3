namespace FfaConformance.Abi;

/// <summary>
/// How a conforming transport maps FF-A error codes to errno. −1…−8 are the table U-Boot (ffa_to_std_errmap,
/// drivers/firmware/arm-ffa/arm-ffa-uclass.c) and Linux (ffa_linux_errmap, drivers/firmware/arm_ffa/driver.c)
/// share; −9 (NO_DATA) and −10 (NOT_READY) follow Linux mainline; everything else is the catch-all.
/// </summary>
public static class ErrnoTable
{
    /// <summary>The errno for codes outside the table (0, positive, ≤ −11) and for protocol errors.</summary>
    public const Errno Unknown = Errno.EINVAL;

    public static Errno For(FfaError error) => error switch
    {
        FfaError.NotSupported => Errno.EOPNOTSUPP,
        FfaError.InvalidParameters => Errno.EINVAL,
        FfaError.NoMemory => Errno.ENOMEM,
        FfaError.Busy => Errno.EBUSY,
        FfaError.Interrupted => Errno.EINTR,
        FfaError.Denied => Errno.EACCES,
        FfaError.Retry => Errno.EAGAIN,
        FfaError.Aborted => Errno.ECANCELED,
        FfaError.NoData => Errno.ENODATA,
        FfaError.NotReady => Errno.EAGAIN,
        _ => Unknown,
    };

    /// <summary>The errno for a refusal; the catch-all for a protocol error.</summary>
    public static Errno For(CallOutcome outcome) => outcome == CallOutcome.ProtocolError ? Unknown : For((FfaError)outcome);

    /// <summary>The negative return value for a raw (int32) error code.</summary>
    public static int ReturnValueFor(int code) => -(int)For(CallOutcomes.Of(code));

    /// <summary>Whether the code belongs to the part every transport must map (v1.0 codes −1…−8).</summary>
    public static bool IsCoreCode(int code) => code is <= -1 and >= -8;

    /// <summary>"-EBUSY" for a negative errno, the number otherwise.</summary>
    public static string Describe(int returnValue) =>
        returnValue < 0 && Enum.IsDefined(typeof(Errno), -returnValue) ? $"-{(Errno)(-returnValue)}" : $"{returnValue}";
}
