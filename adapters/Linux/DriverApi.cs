namespace FfaConformance.Adapters.Linux;

/// <summary>
/// What a kernel's FF-A driver API (its include/linux/arm_ffa.h) offers the companion module: a
/// sync_send_receive2 or none, whether it takes the service UUID (6.12) or uses the device's, and whether a device
/// is registered from a partition's information (6.12) or from its UUID and ID. <see cref="Flavour"/> tells the
/// companion's build.
/// </summary>
public sealed record DriverApi(bool Req2, bool Req2TakesUuid, bool RegisterTakesUuid)
{
    public static DriverApi Of(string header)
    {
        var req2 = header.Contains("sync_send_receive2", StringComparison.Ordinal);
        return new DriverApi(
            req2,
            req2 && header.Contains("sync_send_receive2)(struct ffa_device *dev, const uuid_t *uuid", StringComparison.Ordinal),
            !header.Contains("ffa_device_register(const struct ffa_partition_info", StringComparison.Ordinal));
    }

    /// <summary>The companion's defines for this API.</summary>
    public string Flavour => string.Join(' ', new[]
    {
        !Req2 ? "-DCONF_API_NO_REQ2" : Req2TakesUuid ? "-DCONF_API_REQ2_UUID" : null,
        RegisterTakesUuid ? "-DCONF_API_REGISTER_UUID" : null,
    }.OfType<string>());
}
