namespace FfaConformance.Adapters.Contract;

/// <summary>
/// A target that cannot be built or started. <see cref="Skip"/>: something the target may legitimately lack
/// (a toolchain, an optional source), reported as skipped with the reason; otherwise the target is broken
/// (a compile error, a bad source) and every rule on it fails with the message.
/// </summary>
public sealed class TargetUnavailableException(string message, bool skip) : Exception(message)
{
    public bool Skip { get; } = skip;
}
