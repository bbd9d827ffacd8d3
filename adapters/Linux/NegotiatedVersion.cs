using FfaConformance.Abi;
using FfaConformance.Adapters.Contract;

namespace FfaConformance.Adapters.Linux;

/// <summary>
/// A driver's target takes the FF-A version the driver negotiated, so a Version key may only say the same: one that
/// differs is refused, naming the key, and the target is given up.
/// </summary>
public static class NegotiatedVersion
{
    public static T Checked<T>(T target, FfaVersion? configured)
        where T : ITarget
    {
        var description = target.Description;
        if (configured is { } version && version != description.Version)
        {
            target.Dispose();
            throw new TargetUnavailableException(
                $"Targets:{description.Name}:Version = '{version.Major}.{version.Minor}', but the driver negotiated {description.Version}; remove the key (the {description.Adapter} adapter reads the version from the driver)", skip: false);
        }

        return target;
    }
}
