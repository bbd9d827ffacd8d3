namespace FfaConformance.Abi;

/// <summary>
/// The five payload words a direct request carries in x3–x7 and its response returns (U-Boot's
/// struct ffa_send_direct_data). 32-bit in SMC32, 64-bit in SMC64.
/// </summary>
public readonly record struct DirectMessage(ulong Data0, ulong Data1, ulong Data2, ulong Data3, ulong Data4)
{
    public const int Words = 5;

    public static DirectMessage Zero => default;

    public ulong this[int index] => index switch
    {
        0 => Data0,
        1 => Data1,
        2 => Data2,
        3 => Data3,
        4 => Data4,
        _ => throw new ArgumentOutOfRangeException(nameof(index), index, "a direct message has words 0–4"),
    };

    public static DirectMessage FromWords(ReadOnlySpan<ulong> words) =>
        words.Length == Words
            ? new(words[0], words[1], words[2], words[3], words[4])
            : throw new ArgumentException($"a direct message has {Words} words, got {words.Length}", nameof(words));

    /// <summary>The message x3–x7 of <paramref name="registers"/> carry.</summary>
    public static DirectMessage FromPayloadRegisters(RegisterSet registers) =>
        new(registers[3], registers[4], registers[5], registers[6], registers[7]);

    /// <summary>The message as struct ffa_send_direct_data lies in little-endian memory.</summary>
    public static DirectMessage FromBytes(ReadOnlySpan<byte> bytes) =>
        new(Word(bytes, 0), Word(bytes, 1), Word(bytes, 2), Word(bytes, 3), Word(bytes, 4));

    public ulong[] ToArray() => [Data0, Data1, Data2, Data3, Data4];

    public byte[] ToBytes() => [.. ToArray().SelectMany(BitConverter.GetBytes)];

    public bool FitsIn32Bits => ((Data0 | Data1 | Data2 | Data3 | Data4) >> 32) == 0;

    private static ulong Word(ReadOnlySpan<byte> bytes, int index) => System.Buffers.Binary.BinaryPrimitives.ReadUInt64LittleEndian(bytes[(8 * index)..]);

    public override string ToString() => $"[0x{Data0:X}, 0x{Data1:X}, 0x{Data2:X}, 0x{Data3:X}, 0x{Data4:X}]";
}
