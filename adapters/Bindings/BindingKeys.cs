using FfaConformance.Abi;
using FfaConformance.Adapters.Contract;

namespace FfaConformance.Adapters.Bindings;

/// <summary>The Binding key of the adapters that build an implementation from source (native, qemu), and what a target's configuration gives for it.</summary>
public static class BindingKeys
{
    /// <summary>U-Boot's runtime transport, the binding a target has when it names none.</summary>
    public const string Uboot = "uboot";

    public static readonly SettingKey Binding = new(
        "Binding",
        $"a binding kept in adapters/c/bindings ({string.Join(", ", Bindings.Binding.Known)}); {Uboot}, U-Boot's runtime transport, when absent",
        v => Bindings.Binding.Known.Contains(v));

    /// <summary>The binding the target names (U-Boot's runtime transport when it names none); a binding that does not load is one message naming the key.</summary>
    public static Binding Bind(TargetConfig config)
    {
        var name = config.Value(Binding.Name) ?? Uboot;
        try
        {
            return Bindings.Binding.Load(name);
        }
        catch (BindingException e)
        {
            throw new TargetUnavailableException($"{config.Show(Binding.Name)}: {e.Message}", skip: false);
        }
    }

    /// <summary>The version the target negotiates: its own Version when it sets one, else what the binding says its implementation negotiates.</summary>
    public static FfaVersion Version(TargetConfig config, Binding binding) =>
        config.Value("Version") is null && binding.Version is { } negotiated ? negotiated : config.Version;
}
