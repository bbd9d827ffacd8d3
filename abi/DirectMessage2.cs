using System.Buffers.Binary;
using System.Collections.Immutable;

namespace FfaConformance.Abi;

/// <summary>
/// The fourteen 64-bit payload words an FFA_MSG_SEND_DIRECT_REQ2 carries in x4–x17 and its RESP2 returns
/// (Linux's struct ffa_send_direct_data2).
/// </summary>
[System.Text.Json.Serialization.JsonConverter(typeof(DirectMessage2Json))]
public sealed class DirectMessage2 : IEquatable<DirectMessage2>
{
    public const int Words = 14;

    /// <summary>The register the first word travels in.</summary>
    public const int FirstRegister = 4;

    public static readonly DirectMessage2 Zero = new(new ulong[Words]);

    private readonly ImmutableArray<ulong> words;

    private DirectMessage2(ulong[] owned) => words = [.. owned];

    public static DirectMessage2 FromWords(ReadOnlySpan<ulong> values) =>
        values.Length == Words
            ? new(values.ToArray())
            : throw new ArgumentException($"a REQ2 message has {Words} words, got {values.Length}", nameof(values));

    /// <summary>The message x4–x17 of <paramref name="registers"/> carry.</summary>
    public static DirectMessage2 FromRegisters(RegisterSet registers) => FromWords(registers.AsSpan()[FirstRegister..]);

    /// <summary>The message as struct ffa_send_direct_data2 lies in little-endian memory.</summary>
    public static DirectMessage2 FromBytes(ReadOnlySpan<byte> bytes)
    {
        var values = new ulong[Words];
        for (var i = 0; i < Words; i++)
        {
            values[i] = BinaryPrimitives.ReadUInt64LittleEndian(bytes[(8 * i)..]);
        }

        return new(values);
    }

    public ulong this[int index] => words[index];

    public DirectMessage2 With(int index, ulong value) => new([.. words.SetItem(index, value)]);

    public ulong[] ToArray() => [.. words];

    public byte[] ToBytes() => [.. words.SelectMany(BitConverter.GetBytes)];

    public bool IsZero => words.All(w => w == 0);

    public bool Equals(DirectMessage2? other) => other is not null && words.SequenceEqual(other.words);

    public override bool Equals(object? obj) => Equals(obj as DirectMessage2);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var word in words)
        {
            hash.Add(word);
        }

        return hash.ToHashCode();
    }

    public static bool operator ==(DirectMessage2? left, DirectMessage2? right) => Equals(left, right);

    public static bool operator !=(DirectMessage2? left, DirectMessage2? right) => !Equals(left, right);

    /// <summary>"[0x1, 0, …, 0x5]": words in order, trailing zeros folded.</summary>
    public override string ToString()
    {
        var last = words.Length - 1;
        while (last >= 0 && words[last] == 0)
        {
            last--;
        }

        return last < 0 ? "[0 × 14]" : $"[{string.Join(", ", words.Take(last + 1).Select(w => $"0x{w:X}"))}{(last < Words - 1 ? $", 0 × {Words - 1 - last}" : string.Empty)}]";
    }
}
