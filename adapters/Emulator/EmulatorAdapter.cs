using FfaConformance.Adapters.Contract;

namespace FfaConformance.Adapters.Emulator;

/// <summary>The managed emulator as configuration knows it: no keys of its own; the C# reference transport.</summary>
public sealed class EmulatorAdapter : IAdapter
{
    public string Name => EmulatorTarget.AdapterName;

    public IReadOnlyList<SettingKey> Keys => [];

    public ITarget Create(TargetConfig config) => EmulatorTarget.Reference(config.Name, config.Version);
}
