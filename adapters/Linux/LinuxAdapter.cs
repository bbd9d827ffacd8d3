using FfaConformance.Adapters.Contract;

namespace FfaConformance.Adapters.Linux;

/// <summary>The linux adapter as configuration knows it: an optional Source for the driver, HangTimeoutMs.</summary>
public sealed class LinuxAdapter : IAdapter
{
    private static readonly SettingKey Source = new(
        "Source",
        $"a kernel tree or a drivers/firmware/arm_ffa folder (default: the linux-source-{LinuxKernel.Series} package of Debian's current kernel)",
        v => v.Trim().Length > 0);

    public string Name => LinuxTarget.AdapterName;

    public IReadOnlyList<SettingKey> Keys => [Source, SettingKey.HangTimeout];

    public ITarget Create(TargetConfig config) => LinuxTarget.Create(
        config.Name,
        config.SecureWorldVersion,
        new LinuxOptions(config.Path(Source.Name), config.BuildDirectory, config.Milliseconds(SettingKey.HangTimeout.Name) ?? LinuxOptions.DefaultHangTimeout)
        {
            SourceKey = config.KeyPath(Source.Name),
        },
        config.Keys.ContainsKey("Version") ? config.Version : null);
}
