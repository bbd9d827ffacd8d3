using System.Globalization;
using FsCheck;

namespace FfaConformance.Runner.Engine;

/// <summary>Replay strings: "seed,gamma" or "seed,gamma,size", as FsCheck prints them.</summary>
public static class Seeds
{
    public static bool TryParse(string? text, out Replay replay)
    {
        replay = null!;
        var parts = (text ?? string.Empty).Trim().Trim('(', ')').Split(',', StringSplitOptions.TrimEntries);
        if (parts.Length is < 2 or > 3
            || !ulong.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var seed)
            || !ulong.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var gamma)
            || (gamma & 1) == 0)
        {
            return false;
        }

        int? size = null;
        if (parts.Length == 3)
        {
            if (!int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var s))
            {
                return false;
            }

            size = s;
        }

        replay = new Replay(new Rnd(seed, gamma), size is { } z ? Microsoft.FSharp.Core.FSharpOption<int>.Some(z) : null);
        return true;
    }

    public static Replay Fresh() => new(new Rnd((ulong)Random.Shared.NextInt64()), null);

    public static string Format(Rnd rnd) => $"{rnd.Seed},{rnd.Gamma}";

    public static string Format(Rnd rnd, int size) => $"{rnd.Seed},{rnd.Gamma},{size}";
}
