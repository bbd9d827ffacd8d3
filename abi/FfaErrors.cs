namespace FfaConformance.Abi;

/// <summary>Facts about <see cref="FfaError"/> codes: which exist and since when.</summary>
public static class FfaErrors
{
    public static readonly IReadOnlyList<FfaError> All = Enum.GetValues<FfaError>().OrderByDescending(e => (int)e).ToArray();

    public static bool IsDefined(int code) => code is <= -1 and >= -10;

    public static FfaVersion Since(FfaError error) => error switch
    {
        FfaError.NoData => FfaVersion.V1_1,
        FfaError.NotReady => FfaVersion.V1_2,
        _ => FfaVersion.V1_0,
    };

    /// <summary>"NOT_SUPPORTED (-1)" for defined codes, the number otherwise.</summary>
    public static string Describe(int code) => IsDefined(code) ? $"{SpecName((FfaError)code)} ({code})" : $"{code}";

    public static string SpecName(FfaError error) => error switch
    {
        FfaError.NotSupported => "NOT_SUPPORTED",
        FfaError.InvalidParameters => "INVALID_PARAMETERS",
        FfaError.NoMemory => "NO_MEMORY",
        FfaError.Busy => "BUSY",
        FfaError.Interrupted => "INTERRUPTED",
        FfaError.Denied => "DENIED",
        FfaError.Retry => "RETRY",
        FfaError.Aborted => "ABORTED",
        FfaError.NoData => "NO_DATA",
        FfaError.NotReady => "NOT_READY",
        _ => error.ToString(),
    };
}
