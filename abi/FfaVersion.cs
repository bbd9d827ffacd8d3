using System.Globalization;

namespace FfaConformance.Abi;

/// <summary>An FF-A version as FFA_VERSION encodes it: bit 31 MBZ, bits[30:16] major, bits[15:0] minor.</summary>
public readonly record struct FfaVersion(int Major, int Minor) : IComparable<FfaVersion>
{
    public static readonly FfaVersion V1_0 = new(1, 0);
    public static readonly FfaVersion V1_1 = new(1, 1);
    public static readonly FfaVersion V1_2 = new(1, 2);
    public static readonly FfaVersion V1_3 = new(1, 3);

    /// <summary>The versions whose ABI this model knows; configuration accepts exactly these.</summary>
    public static readonly IReadOnlyList<FfaVersion> Known = [V1_0, V1_1, V1_2, V1_3];

    public uint Encoded => ((uint)Major << 16) | (uint)Minor;

    public static FfaVersion Decode(uint word) => new((int)((word >> 16) & 0x7FFF), (int)(word & 0xFFFF));

    /// <summary>Parses "1.2" or "v1.2"; only <see cref="Known"/> versions are accepted.</summary>
    public static bool TryParse(string? text, out FfaVersion version)
    {
        version = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var span = text.Trim().TrimStart('v', 'V');
        var dot = span.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0
            || !int.TryParse(span[..dot], NumberStyles.None, CultureInfo.InvariantCulture, out var major)
            || !int.TryParse(span[(dot + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var minor))
        {
            return false;
        }

        version = new FfaVersion(major, minor);
        return Known.Contains(version);
    }

    public int CompareTo(FfaVersion other) => Major != other.Major ? Major.CompareTo(other.Major) : Minor.CompareTo(other.Minor);

    public static bool operator <(FfaVersion a, FfaVersion b) => a.CompareTo(b) < 0;

    public static bool operator >(FfaVersion a, FfaVersion b) => a.CompareTo(b) > 0;

    public static bool operator <=(FfaVersion a, FfaVersion b) => a.CompareTo(b) <= 0;

    public static bool operator >=(FfaVersion a, FfaVersion b) => a.CompareTo(b) >= 0;

    public override string ToString() => $"v{Major}.{Minor}";
}
