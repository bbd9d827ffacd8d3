using FfaConformance.Adapters.Contract;

namespace FfaConformance.Adapters.Qemu;

/// <summary>The QEMU firmware adapter as configuration knows it: Source, Required, HangTimeoutMs.</summary>
public sealed class QemuAdapter : IAdapter
{
    public string Name => QemuTarget.AdapterName;

    public IReadOnlyList<SettingKey> Keys => [SourceKeys.Source, SourceKeys.Required, SettingKey.HangTimeout];

    public ITarget Create(TargetConfig config) => QemuTarget.Create(
        config.Name,
        config.Version,
        new QemuOptions(config.Path(SourceKeys.Source.Name)!, config.BuildDirectory, config.Milliseconds(SettingKey.HangTimeout.Name) ?? QemuOptions.DefaultHangTimeout)
        {
            SourceKey = config.KeyPath(SourceKeys.Source.Name),
        },
        config.Flag(SourceKeys.Required.Name, whenAbsent: true));
}
