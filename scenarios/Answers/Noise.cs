using FfaConformance.Abi;

namespace FfaConformance.Scenarios.Answers;

/// <summary>
/// Register content a conforming caller must ignore: the upper half of x0 (function IDs are 32-bit), the
/// upper halves of x1–x7 in an SMC32 answer, and x8–x17 (unused by these answers up to v1.2).
/// </summary>
public sealed record Noise(uint X0Upper = 0, uint UpperHalves = 0, ulong HighRegisters = 0)
{
    public static readonly Noise None = new();

    public bool IsNone => X0Upper == 0 && UpperHalves == 0 && HighRegisters == 0;

    /// <summary>Adds the noise; registers listed in <paramref name="keepUpper"/> keep their upper halves.</summary>
    public void ApplyTo(Span<ulong> x, Convention width, int keepUpper = -1)
    {
        x[0] |= (ulong)X0Upper << 32;
        if (width == Convention.Smc32 && UpperHalves != 0)
        {
            for (var i = 1; i <= 7; i++)
            {
                if (i != keepUpper)
                {
                    x[i] |= (ulong)UpperHalves << 32;
                }
            }
        }

        if (HighRegisters != 0)
        {
            for (var i = 8; i < RegisterSet.Count; i++)
            {
                x[i] = HighRegisters + (ulong)i;
            }
        }
    }

    public override string ToString()
    {
        var parts = new List<string>();
        if (X0Upper != 0)
        {
            parts.Add($"x0[63:32]=0x{X0Upper:X}");
        }

        if (UpperHalves != 0)
        {
            parts.Add($"x1–x7[63:32]=0x{UpperHalves:X}");
        }

        if (HighRegisters != 0)
        {
            parts.Add($"x8–x17=0x{HighRegisters:X}+n");
        }

        return string.Join(", ", parts);
    }
}
