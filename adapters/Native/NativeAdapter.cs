using FfaConformance.Adapters.Contract;

namespace FfaConformance.Adapters.Native;

/// <summary>The native adapter as configuration knows it: Source, Required, HangTimeoutMs.</summary>
public sealed class NativeAdapter : IAdapter
{
    public string Name => NativeTarget.AdapterName;

    public IReadOnlyList<SettingKey> Keys => SourceKeys.All;

    public ITarget Create(TargetConfig config)
    {
        var (path, key, required, hang) = SourceKeys.Bind(config);
        return NativeTarget.Create(config.Name, config.Version, new NativeOptions(path, config.BuildDirectory, hang ?? NativeOptions.DefaultHangTimeout) { SourceKey = key }, required);
    }
}
