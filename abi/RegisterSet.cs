using System.Text;

namespace FfaConformance.Abi;

/// <summary>
/// The SMCCC v1.2 register block x0–x17: what a caller passes to a conduit call, or what it gets back.
/// Immutable; SMC32 values live in the low halves (w0–w7).
/// </summary>
public sealed class RegisterSet : IEquatable<RegisterSet>
{
    public const int Count = 18;

    public static readonly RegisterSet Zero = new(new ulong[Count]);

    private readonly ulong[] x;

    private RegisterSet(ulong[] owned) => x = owned;

    /// <summary>Registers x0.. from <paramref name="values"/>; the rest are zero.</summary>
    public static RegisterSet From(ReadOnlySpan<ulong> values)
    {
        if (values.Length > Count)
        {
            throw new ArgumentException($"at most {Count} registers (x0–x17), got {values.Length}", nameof(values));
        }

        var copy = new ulong[Count];
        values.CopyTo(copy);
        return new RegisterSet(copy);
    }

    public static RegisterSet Of(params ulong[] values) => From(values);

    public ulong this[int index] => x[index];

    /// <summary>The low 32 bits of x<paramref name="index"/>, as an SMC32 callee or caller sees it.</summary>
    public uint W(int index) => (uint)x[index];

    public ulong X0 => x[0];

    public ulong X1 => x[1];

    public ulong X2 => x[2];

    public uint W0 => (uint)x[0];

    public uint W1 => (uint)x[1];

    public uint W2 => (uint)x[2];

    public ReadOnlySpan<ulong> AsSpan() => x;

    public RegisterSet With(int index, ulong value)
    {
        var copy = (ulong[])x.Clone();
        copy[index] = value;
        return new RegisterSet(copy);
    }

    public bool Equals(RegisterSet? other) => other is not null && x.AsSpan().SequenceEqual(other.x);

    public override bool Equals(object? obj) => Equals(obj as RegisterSet);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var value in x)
        {
            hash.Add(value);
        }

        return hash.ToHashCode();
    }

    /// <summary>"x0=0x84000070 x1=0x80010000 x3=0x1": the non-zero registers (x0 always).</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        for (var i = 0; i < Count; i++)
        {
            if (i == 0 || x[i] != 0)
            {
                if (text.Length > 0)
                {
                    text.Append(' ');
                }

                text.Append('x').Append(i).Append("=0x").Append(x[i].ToString(x[i] > uint.MaxValue ? "X16" : "X"));
            }
        }

        return text.ToString();
    }
}
