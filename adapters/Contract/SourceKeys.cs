namespace FfaConformance.Adapters.Contract;

/// <summary>The keys of adapters that build a target from a transport source.</summary>
public static class SourceKeys
{
    public static readonly SettingKey Source = new(
        "Source",
        "a U-Boot tree, a patch or mail that creates arm-ffa-runtime.c, a directory holding one, or a .c file (relative paths are relative to the checkout)",
        v => v.Trim().Length > 0)
    {
        Required = true,
    };

    public static readonly SettingKey Required = new("Required", "true (a missing source is an error) or false (a missing source skips the target)", v => v is "true" or "false");
}
