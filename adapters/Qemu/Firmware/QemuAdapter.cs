using FfaConformance.Adapters.Bindings;
using FfaConformance.Adapters.Contract;

namespace FfaConformance.Adapters.Qemu.Firmware;

/// <summary>The QEMU firmware adapter as configuration knows it: Source, Binding, SecureWorld, Required, HangTimeoutMs.</summary>
public sealed class QemuAdapter : IAdapter
{
    public string Name => QemuTarget.AdapterName;

    public IReadOnlyList<SettingKey> Keys => [.. SourceKeys.All, BindingKeys.Binding, RealSecureWorld.Setting];

    public ITarget Create(TargetConfig config)
    {
        var (path, key, required, hang) = SourceKeys.Bind(config);
        var secureWorld = config.Value(RealSecureWorld.Setting.Name) is { } world && world != RealSecureWorld.Harness
            ? RealSecureWorld.Resolve(config.Path(RealSecureWorld.Setting.Name)!, config.KeyPath(RealSecureWorld.Setting.Name), required)
            : null;
        var options = new QemuOptions(path, config.BuildDirectory, hang ?? QemuOptions.DefaultHangTimeout) { SourceKey = key, SecureWorld = secureWorld };
        var binding = BindingKeys.Bind(config);
        return QemuTarget.Create(config.Name, BindingKeys.Version(config, binding), options, required, binding);
    }
}
