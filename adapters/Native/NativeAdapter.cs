using FfaConformance.Adapters.Bindings;
using FfaConformance.Adapters.Contract;

namespace FfaConformance.Adapters.Native;

/// <summary>The native adapter as configuration knows it: Source, Binding, Required, HangTimeoutMs.</summary>
public sealed class NativeAdapter : IAdapter
{
    public string Name => NativeTarget.AdapterName;

    public IReadOnlyList<SettingKey> Keys => [.. SourceKeys.All, BindingKeys.Binding];

    public ITarget Create(TargetConfig config)
    {
        var (path, key, required, hang) = SourceKeys.Bind(config);
        var options = new NativeOptions(path, config.BuildDirectory, hang ?? NativeOptions.DefaultHangTimeout) { SourceKey = key };
        var binding = BindingKeys.Bind(config);
        return NativeTarget.Create(config.Name, BindingKeys.Version(config, binding), options, required, binding);
    }
}
