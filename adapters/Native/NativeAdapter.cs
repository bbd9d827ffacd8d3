using FfaConformance.Adapters.Contract;

namespace FfaConformance.Adapters.Native;

/// <summary>The native adapter as configuration knows it: Source, Required, HangTimeoutMs.</summary>
public sealed class NativeAdapter : IAdapter
{
    public string Name => NativeTarget.AdapterName;

    public IReadOnlyList<SettingKey> Keys => [SourceKeys.Source, SourceKeys.Required, SettingKey.HangTimeout];

    public ITarget Create(TargetConfig config) => NativeTarget.Create(
        config.Name,
        config.Version,
        new NativeOptions(config.Path(SourceKeys.Source.Name)!, config.BuildDirectory, config.Milliseconds(SettingKey.HangTimeout.Name) ?? NativeOptions.DefaultHangTimeout)
        {
            SourceKey = config.KeyPath(SourceKeys.Source.Name),
        },
        config.Flag(SourceKeys.Required.Name, whenAbsent: true));
}
