using FfaConformance.Abi;
using FfaConformance.Scenarios.Profiles;
using FsCheck;
using FsCheck.Fluent;

namespace FfaConformance.Generators;

/// <summary>Register-sized values, biased toward the boundaries firmware gets wrong.</summary>
public static class ValueGen
{
    public static readonly Gen<uint> UInt32 =
        from high in Gen.Choose(0, 0xFFFF)
        from low in Gen.Choose(0, 0xFFFF)
        select ((uint)high << 16) | (uint)low;

    public static readonly Gen<ulong> UInt64 =
        from high in UInt32
        from low in UInt32
        select ((ulong)high << 32) | low;

    /// <summary>A non-zero value for the upper half of a register.</summary>
    public static readonly Gen<uint> NonZeroUpper = Gen.Frequency(
        (2, Gen.Elements(1u, 0xFFFF_FFFFu, 0x8000_0000u)),
        (3, UInt32.Where(v => v != 0)));

    private static readonly Gen<ulong> Word32 = Gen.Frequency(NarrowWords());

    private static readonly Gen<ulong> Word64 = Gen.Frequency(
        [.. NarrowWords(), (4, UInt64), (2, Gen.Elements(ulong.MaxValue, 0x8000_0000_0000_0000UL, 0x1_0000_0000UL))]);

    private static readonly Gen<DirectMessage> Payload32 = Word32.ArrayOf(DirectMessage.Words).Select(words => DirectMessage.FromWords(words));

    private static readonly Gen<DirectMessage> Payload64 = Word64.ArrayOf(DirectMessage.Words).Select(words => DirectMessage.FromWords(words));

    /// <summary>A payload word: zero, small, 32-bit and boundary values; 64-bit ones unless <paramref name="fits32"/>.</summary>
    public static Gen<ulong> Word(bool fits32) => fits32 ? Word32 : Word64;

    public static Gen<DirectMessage> Payload(bool fits32) => fits32 ? Payload32 : Payload64;

    /// <summary>The fourteen words of a REQ2 or RESP2: each a payload word of any width.</summary>
    public static readonly Gen<DirectMessage2> Payload2 = Word64.ArrayOf(DirectMessage2.Words).Select(words => DirectMessage2.FromWords(words));

    /// <summary>A payload with at least one word whose bits[63:32] are set: what an SMC32 request cannot carry.</summary>
    public static readonly Gen<DirectMessage> DirtyPayload =
        from words in Word64.ArrayOf(DirectMessage.Words)
        from index in Gen.Choose(0, DirectMessage.Words - 1)
        from upper in NonZeroUpper
        select DirectMessage.FromWords(words.Select((w, i) => i == index ? ((ulong)upper << 32) | (uint)w : w).ToArray());

    /// <summary>A normal-world endpoint ID (bit 15 clear); 0, the NS physical instance U-Boot uses, most often.</summary>
    public static readonly Gen<ushort> NormalWorldId = Gen.Frequency(
        (3, Gen.Constant((ushort)0)),
        (5, Gen.Choose(1, 0x7FFF).Select(v => (ushort)v)),
        (1, Gen.Constant((ushort)0x7FFF)));

    private static (int, Gen<ulong>)[] NarrowWords() =>
    [
        (3, Gen.Constant(0UL)),
        (3, Gen.Choose(1, 1000).Select(v => (ulong)v)),
        (4, UInt32.Select(v => (ulong)v)),
        (2, Gen.Elements(0xFFFF_FFFFUL, 0x8000_0000UL, 0x7FFF_FFFFUL)),
    ];

    public static Gen<T> Weighted<T>(IEnumerable<Weighted<T>> choices) =>
        Gen.Frequency(choices.Where(c => c.Weight > 0).Select(c => (c.Weight, Gen.Constant(c.Value))));
}
