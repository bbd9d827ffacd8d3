namespace FfaConformance.Abi;

/// <summary>
/// What a direct request ends in at the FF-A level, whatever an implementation returns for it: completed (the
/// payload in the caller's message), refused with the meaning of one of FF-A's error codes (such an outcome has
/// the code's value), or a protocol error — an answer the caller could take as neither. Rules say which outcome a
/// call must end in; a target's <see cref="ReturnConvention"/> says which of its return values stands for each.
/// </summary>
public enum CallOutcome
{
    ProtocolError = int.MinValue,
    NotReady = FfaError.NotReady,
    NoData = FfaError.NoData,
    Aborted = FfaError.Aborted,
    Retry = FfaError.Retry,
    Denied = FfaError.Denied,
    Interrupted = FfaError.Interrupted,
    Busy = FfaError.Busy,
    NoMemory = FfaError.NoMemory,
    InvalidParameters = FfaError.InvalidParameters,
    NotSupported = FfaError.NotSupported,
    Completed = 0,
}
