using FfaConformance.Adapters.Bindings;
using FfaConformance.Adapters.Contract;

namespace FfaConformance.Adapters.Native;

/// <summary>The native adapter as configuration knows it: Source, Binding, Required, HangTimeoutMs.</summary>
public sealed class NativeAdapter : IAdapter
{
    /// <summary>U-Boot's runtime transport, the binding a target has when it names none.</summary>
    public const string UbootBinding = "uboot";

    public static readonly SettingKey BindingKey = new(
        "Binding",
        $"{UbootBinding} (U-Boot's runtime transport, the default) or a binding kept in adapters/c/bindings ({string.Join(", ", Binding.Known)}), whose Source is the root of the implementation's tree",
        v => v == UbootBinding || Binding.Known.Contains(v));

    public string Name => NativeTarget.AdapterName;

    public IReadOnlyList<SettingKey> Keys => [.. SourceKeys.All, BindingKey];

    public ITarget Create(TargetConfig config)
    {
        var (path, key, required, hang) = SourceKeys.Bind(config);
        var options = new NativeOptions(path, config.BuildDirectory, hang ?? NativeOptions.DefaultHangTimeout) { SourceKey = key };
        if (config.Value(BindingKey.Name) is not { } name || name == UbootBinding)
        {
            return NativeTarget.Create(config.Name, config.Version, options, required);
        }

        Binding binding;
        try
        {
            binding = Binding.Load(name);
        }
        catch (BindingException e)
        {
            throw new TargetUnavailableException($"{config.Show(BindingKey.Name)}: {e.Message}", skip: false);
        }

        // A binding knows what its implementation negotiates (edk2: ARM_FFA_MAJOR_VERSION/ARM_FFA_MINOR_VERSION, 1.2).
        var version = config.Value("Version") is null && binding.Version is { } negotiated ? negotiated : config.Version;
        return NativeTarget.Create(config.Name, version, options, required, binding);
    }
}
