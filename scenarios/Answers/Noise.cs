using FfaConformance.Abi;

namespace FfaConformance.Scenarios.Answers;

/// <summary>
/// Register content a conforming caller must ignore: the upper half of x0 (function IDs are 32-bit), the
/// upper halves of x1–x7 in an SMC32 answer, and x8–x17 (unused by these answers up to v1.2): a pattern, or
/// (<see cref="CallersHighRegisters"/>) the caller's own x8–x17 left in place, as TF-A's EL3 SPMC answers an
/// FFA_MSG_SEND_DIRECT_REQ2 it refuses (recorded under ../shared/secure-world/tfa-el3-spmc).
/// </summary>
public sealed record Noise(uint X0Upper = 0, uint UpperHalves = 0, ulong HighRegisters = 0, bool CallersHighRegisters = false)
{
    public static readonly Noise None = new();

    public bool IsNone => X0Upper == 0 && UpperHalves == 0 && HighRegisters == 0 && !CallersHighRegisters;

    /// <summary>Adds the noise to an answer to <paramref name="issued"/>; registers listed in <paramref name="keepUpper"/> keep their upper halves.</summary>
    public void ApplyTo(Span<ulong> x, Convention width, RegisterSet issued, int keepUpper = -1)
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

        if (CallersHighRegisters)
        {
            issued.AsSpan()[8..].CopyTo(x[8..]);
        }
        else if (HighRegisters != 0)
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

        if (CallersHighRegisters)
        {
            parts.Add("x8–x17 as called");
        }
        else if (HighRegisters != 0)
        {
            parts.Add($"x8–x17=0x{HighRegisters:X}+n");
        }

        return string.Join(", ", parts);
    }
}
