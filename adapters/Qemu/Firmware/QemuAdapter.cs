using FfaConformance.Adapters.Contract;

namespace FfaConformance.Adapters.Qemu.Firmware;

/// <summary>The QEMU firmware adapter as configuration knows it: Source, Required, HangTimeoutMs.</summary>
public sealed class QemuAdapter : IAdapter
{
    public string Name => QemuTarget.AdapterName;

    public IReadOnlyList<SettingKey> Keys => SourceKeys.All;

    public ITarget Create(TargetConfig config)
    {
        var (path, key, required, hang) = SourceKeys.Bind(config);
        return QemuTarget.Create(config.Name, config.Version, new QemuOptions(path, config.BuildDirectory, hang ?? QemuOptions.DefaultHangTimeout) { SourceKey = key }, required);
    }
}
