using System.Globalization;

namespace FfaConformance.Adapters.Contract;

/// <summary>
/// One configuration key a target accepts: its name, what values it takes (for the error message), how to
/// check a value, and whether a target must set it. Configuration checks every key against these before any
/// target is built, so a bad value is one error naming the key, never a failure later.
/// </summary>
public sealed record SettingKey(string Name, string Accepted, Func<string, bool> IsValid)
{
    public bool Required { get; init; }

    /// <summary>HangTimeoutMs, which every adapter that runs real code accepts.</summary>
    public static readonly SettingKey HangTimeout =
        new("HangTimeoutMs", "milliseconds without a conduit call or a return before a case counts as a hang, 50–60000", v => IsInt(v, 50, 60_000));

    public static bool IsInt(string text, int min, int max) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max;
}
