using FfaConformance.Adapters.Contract;
using FfaConformance.Adapters.Emulator;

namespace FfaConformance.Runner.Configuration;

/// <summary>An adapter a target can name: the keys it accepts besides the common ones, and how it builds a target.</summary>
public sealed record AdapterKind(string Name, IReadOnlyList<SettingKey> Keys, Func<TargetSettings, ITarget> Create);

/// <summary>The adapters configuration knows.</summary>
public static class AdapterRegistry
{
    public static readonly IReadOnlyList<AdapterKind> All =
    [
        new(EmulatorTarget.AdapterName, [], settings => EmulatorTarget.Reference(settings.Name, settings.Version)),
    ];

    public static IReadOnlyList<string> Names => [.. All.Select(a => a.Name)];

    public static IReadOnlyList<SettingKey> KeysOf(string adapter) => Find(adapter)?.Keys ?? [];

    public static ITarget Create(TargetSettings settings) =>
        (Find(settings.Adapter) ?? throw new ConfigurationException(
            $"Targets:{settings.Name}:Adapter = '{settings.Adapter}' is not valid; accepted: {string.Join(", ", Names)}")).Create(settings);

    private static AdapterKind? Find(string name) => All.FirstOrDefault(a => a.Name == name);
}
