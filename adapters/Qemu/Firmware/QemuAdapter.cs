using FfaConformance.Adapters.Bindings;
using FfaConformance.Adapters.Contract;

namespace FfaConformance.Adapters.Qemu.Firmware;

/// <summary>The QEMU firmware adapter as configuration knows it: Source, Binding, Required, HangTimeoutMs.</summary>
public sealed class QemuAdapter : IAdapter
{
    public string Name => QemuTarget.AdapterName;

    public IReadOnlyList<SettingKey> Keys => [.. SourceKeys.All, BindingKeys.Binding];

    public ITarget Create(TargetConfig config)
    {
        var (path, key, required, hang) = SourceKeys.Bind(config);
        var options = new QemuOptions(path, config.BuildDirectory, hang ?? QemuOptions.DefaultHangTimeout) { SourceKey = key };
        var binding = BindingKeys.Bind(config);
        return QemuTarget.Create(config.Name, BindingKeys.Version(config, binding), options, required, binding);
    }
}
