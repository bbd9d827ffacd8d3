namespace FfaConformance.Adapters.Contract;

/// <summary>The keys of adapters that build a target from a transport source, and what a target's configuration gives for them.</summary>
public static class SourceKeys
{
    public static readonly SettingKey Source = new(
        "Source",
        "the implementation as its binding takes it: a tree holding the binding's Sources (U-Boot: drivers/firmware/arm-ffa/arm-ffa-runtime.c), a patch or mail that creates them, a folder holding one such patch, or, for a binding with one source, the .c file (relative paths are relative to the checkout)",
        v => v.Trim().Length > 0)
    {
        Required = true,
    };

    public static readonly SettingKey Required = new("Required", "true (a missing source is an error) or false (a missing source skips the target)", v => v is "true" or "false");

    /// <summary>Every key such an adapter accepts.</summary>
    public static readonly IReadOnlyList<SettingKey> All = [Source, Required, SettingKey.HangTimeout];

    /// <summary>The source's path and how messages name it, whether a missing one is an error, and the hang timeout when one is set.</summary>
    public static (string Path, string Key, bool Required, TimeSpan? HangTimeout) Bind(TargetConfig config) => (
        config.Path(Source.Name)!,
        config.KeyPath(Source.Name),
        config.Flag(Required.Name, whenAbsent: true),
        config.Milliseconds(SettingKey.HangTimeout.Name));
}
