using FfaConformance.Adapters.Contract;
using FfaConformance.Adapters.Qemu.Firmware;

namespace FfaConformance.Adapters.Linux;

/// <summary>The linux adapter as configuration knows it: an optional Source for the driver, HangTimeoutMs, Required, SecureWorld.</summary>
public sealed class LinuxAdapter : IAdapter
{
    private static readonly SettingKey Source = new(
        "Source",
        $"a kernel tree or a drivers/firmware/arm_ffa folder (default: the linux-source-{LinuxKernel.Series} package of Debian's current kernel)",
        v => v.Trim().Length > 0);

    public string Name => LinuxTarget.AdapterName;

    public IReadOnlyList<SettingKey> Keys => [Source, SettingKey.HangTimeout, SourceKeys.Required, RealSecureWorld.Setting];

    public ITarget Create(TargetConfig config)
    {
        var required = config.Flag(SourceKeys.Required.Name, whenAbsent: true);
        var secureWorld = config.Value(RealSecureWorld.Setting.Name) is { } world && world != RealSecureWorld.Harness
            ? RealSecureWorld.Resolve(config.Path(RealSecureWorld.Setting.Name)!, config.KeyPath(RealSecureWorld.Setting.Name), required)
            : null;
        return LinuxTarget.Create(
            config.Name,
            config.SecureWorldVersion,
            new LinuxOptions(config.Path(Source.Name), config.BuildDirectory, config.Milliseconds(SettingKey.HangTimeout.Name) ?? LinuxOptions.DefaultHangTimeout)
            {
                SourceKey = config.KeyPath(Source.Name),
                SecureWorld = secureWorld,
            },
            config.Keys.ContainsKey("Version") ? config.Version : null);
    }
}
