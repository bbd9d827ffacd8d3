namespace FfaConformance.Abi;

/// <summary>
/// FF-A error codes carried in w2 of FFA_ERROR as a signed 32-bit value (Arm DEN0077A; as Hafnium's
/// inc/vmapi/hf/ffa.h enum ffa_error and TF-A's include/services/ffa_svc.h define them).
/// </summary>
public enum FfaError
{
    NotSupported = -1,
    InvalidParameters = -2,
    NoMemory = -3,
    Busy = -4,
    Interrupted = -5,
    Denied = -6,
    Retry = -7,
    Aborted = -8,
    NoData = -9,
    NotReady = -10,
}
