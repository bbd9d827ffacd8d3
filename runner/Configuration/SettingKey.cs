namespace FfaConformance.Runner.Configuration;

/// <summary>One accepted configuration key and what values it takes, for validation and for error messages.</summary>
public sealed record SettingKey(string Name, string Accepted, Func<string, bool> IsValid);
