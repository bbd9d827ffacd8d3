using FfaConformance.Abi;
using FfaConformance.Scenarios.Answers;
using FfaConformance.Scenarios.Profiles;
using FsCheck;
using FsCheck.Fluent;

namespace FfaConformance.Generators;

/// <summary>Generators for every class of secure-world answer.</summary>
public static class AnswerGen
{
    /// <summary>FF-A IDs that are no reply to a direct request (including a request echoed back).</summary>
    public static readonly IReadOnlyList<uint> OtherFfaIds = FfaFunctions.All
        .SelectMany(f => new[] { f.Smc32Since is null ? null : (uint?)f.Id(Convention.Smc32).Value, f.Smc64Since is null ? null : f.Id(Convention.Smc64).Value })
        .OfType<uint>()
        .Where(w0 => !DirectRequestReplies.IsListed(w0))
        .ToArray();

    public static Gen<Noise> Noise(int percent) => Gen.Frequency(
        (100 - percent, Gen.Constant(Scenarios.Answers.Noise.None)),
        (percent, from upper in Gen.Frequency((1, Gen.Constant(0u)), (2, ValueGen.NonZeroUpper))
                  from high in Gen.Frequency((1, Gen.Constant(0UL)), (2, ValueGen.UInt64.Where(v => v != 0)))
                  select upper == 0 && high == 0 ? Scenarios.Answers.Noise.None : new Noise(0, upper, high)));

    private static readonly Gen<Convention> AnyWidth = Gen.Elements(Convention.Smc32, Convention.Smc64);

    private static Convention Other(Convention c) => c == Convention.Smc32 ? Convention.Smc64 : Convention.Smc32;

    public static Gen<Answer> Terminal(TerminalKind kind, Convention request, ushort self, ushort destination, int noisePercent)
    {
        var noise = Noise(noisePercent);
        return kind switch
        {
            TerminalKind.Response => Response(request, ResponderIds.Echo, self, destination, Gen.Constant(0u), noise),
            TerminalKind.ResponseOtherWidth => Response(Other(request), ResponderIds.Echo, self, destination, Gen.Constant(0u), noise),
            TerminalKind.ResponseWrongIds =>
                from ids in Gen.Elements(ResponderIds.Unswapped, ResponderIds.OtherSender, ResponderIds.OtherReceiver)
                from answer in Response(request, ids, self, destination, Gen.Constant(0u), noise)
                select answer,
            TerminalKind.ResponseNonZeroW2 => Response(request, ResponderIds.Echo, self, destination, Gen.Frequency(
                (1, Gen.Choose(0, 15).Select(type => 0x8000_0000u | (uint)type)),
                (1, ValueGen.UInt32.Select(v => v & 0x7FFF_FFFF).Where(v => v != 0))), noise),
            TerminalKind.CoreError => Error(Gen.Choose(-8, -1), noise),
            TerminalKind.LaterError => Error(Gen.Elements(-9, -10), noise),
            TerminalKind.UnknownErrorCode => Error(Gen.Frequency(
                (2, Gen.Constant(0)),
                (2, Gen.Frequency((3, Gen.Choose(1, 1000)), (1, Gen.Constant(int.MaxValue)))),
                (2, Gen.Frequency((3, Gen.Choose(-1000, -11)), (1, Gen.Constant(int.MinValue))))), noise),
            TerminalKind.Success => from width in AnyWidth from n in noise select (Answer)new SuccessAnswer(width, n),
            TerminalKind.SmcccUnknown => Gen.Elements(true, false).Select(whole => (Answer)new SmcccUnknownAnswer(whole)),
            TerminalKind.UnknownFunction =>
                from w0 in Gen.Frequency((3, Gen.Elements(OtherFfaIds.ToArray())), (2, ValueGen.UInt32.Where(v => !DirectRequestReplies.IsListed(v))))
                from x2 in UnexpectedX2
                from n in noise
                select (Answer)new UnknownFunctionAnswer(w0, x2, n),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "no generator for this terminal kind"),
        };
    }

    /// <summary>A 32-bit value that reads as an FF-A error code, for fields that a faulty caller might decode as one.</summary>
    public static readonly Gen<uint> CodeLike = Gen.Choose(-10, -1).Select(code => (uint)code);

    /// <summary>x2 of an unexpected reply: zero, the caller's own x2, values that decode as FF-A error codes, anything.</summary>
    public static readonly Gen<ulong> UnexpectedX2 = Gen.Frequency(
        (2, Gen.Constant(0UL)),
        (3, CodeLike.Select(code => (ulong)code)),
        (2, ValueGen.UInt64));

    public static Gen<Answer> Link(LinkKind kind, ushort destination, int noisePercent)
    {
        var width = kind is LinkKind.Interrupt64 or LinkKind.Yield64 ? Convention.Smc64 : Convention.Smc32;
        var endpoint = Gen.Frequency(
            (3, Gen.Constant((ushort?)null)),
            (1, Gen.Choose(0x8000, 0xFFFE).Select(v => (ushort?)v).Where(v => v != destination)));
        var vcpu = Gen.Frequency((3, Gen.Constant((ushort)0)), (1, Gen.Choose(1, 7).Select(v => (ushort)v)));
        var noise = Noise(noisePercent);
        if (kind is LinkKind.Interrupt32 or LinkKind.Interrupt64)
        {
            return from e in endpoint from v in vcpu from n in noise select (Answer)new InterruptAnswer(width, e, v, n);
        }

        return from e in endpoint
               from v in vcpu
               from low in Gen.Frequency((2, Gen.Constant(0u)), (1, CodeLike), (1, ValueGen.UInt32))
               from high in Gen.Frequency((3, Gen.Constant(0u)), (1, ValueGen.UInt32))
               from n in noise
               select (Answer)new YieldAnswer(width, e, v, low, high, n);
    }

    private static Gen<Answer> Response(Convention width, ResponderIds ids, ushort self, ushort destination, Gen<uint> w2, Gen<Noise> noise) =>
        from payload in ValueGen.Payload(fits32: width == Convention.Smc32)
        from other in OtherId(ids, self, destination)
        from w in w2
        from n in noise
        select (Answer)new DirectResponseAnswer(width, ids, other, w, payload, n);

    private static Gen<ushort> OtherId(ResponderIds ids, ushort self, ushort destination) => ids switch
    {
        ResponderIds.OtherSender => Gen.Choose(0, 0xFFFF).Select(v => (ushort)v).Where(v => v != destination),
        ResponderIds.OtherReceiver => Gen.Choose(0, 0xFFFF).Select(v => (ushort)v).Where(v => v != self),
        _ => Gen.Constant((ushort)0),
    };

    private static Gen<Answer> Error(Gen<int> code, Gen<Noise> noise) =>
        from c in code
        from n in noise
        select (Answer)new ErrorAnswer(c, Convention.Smc32, X2Extension.Zero, 0, n);
}
