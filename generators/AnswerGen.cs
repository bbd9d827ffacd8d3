using System.Collections.Concurrent;
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

    /// <summary>
    /// Noise in <paramref name="percent"/> % of answers: upper halves, and x8–x17 in a pattern or as the caller left them
    /// (what TF-A's EL3 SPMC does, see <see cref="Scenarios.Answers.Noise"/>).
    /// </summary>
    public static Gen<Noise> Noise(int percent) => NoiseCache.GetOrAdd(percent, p => Gen.Frequency(
        (100 - p, Gen.Constant(Scenarios.Answers.Noise.None)),
        (p, from upper in Gen.Frequency((1, Gen.Constant(0u)), (2, ValueGen.NonZeroUpper))
            from high in Gen.Frequency(
                (1, Gen.Constant((Base: 0UL, Callers: false))),
                (2, ValueGen.UInt64.Where(v => v != 0).Select(v => (Base: v, Callers: false))),
                (1, Gen.Constant((Base: 0UL, Callers: true))))
            select upper == 0 && high is (0, false) ? Scenarios.Answers.Noise.None : new Noise(0, upper, high.Base, high.Callers))));

    private static readonly ConcurrentDictionary<int, Gen<Noise>> NoiseCache = new();

    private static readonly Gen<Convention> AnyWidth = Gen.Elements(Convention.Smc32, Convention.Smc64);

    private static Convention Other(Convention c) => c == Convention.Smc32 ? Convention.Smc64 : Convention.Smc32;

    /// <summary>
    /// An answer that ends a script. Answers are relative to the request's IDs, so one generator serves every
    /// destination; an "other" ID may by chance be the right one, which rules judge by the actual registers.
    /// </summary>
    public static Gen<Answer> Terminal(TerminalKind kind, Convention request, int noisePercent) =>
        TerminalCache.GetOrAdd((kind, request, noisePercent), key => BuildTerminal(key.Kind, key.Request, key.NoisePercent));

    /// <summary>
    /// An answer that ends the script of an FFA_MSG_SEND_DIRECT_REQ2: <see cref="TerminalKind.Response"/> is a
    /// DIRECT_RESP2, <see cref="TerminalKind.ResponseOtherInterface"/> a DIRECT_RESP of either width; the error,
    /// success and unknown kinds are those of a direct request (an unknown reply is never a DIRECT_RESP2).
    /// </summary>
    public static Gen<Answer> Terminal2(TerminalKind kind, int noisePercent) =>
        Terminal2Cache.GetOrAdd((kind, noisePercent), key => BuildTerminal2(key.Kind, key.NoisePercent));

    private static readonly ConcurrentDictionary<(TerminalKind Kind, Convention Request, int NoisePercent), Gen<Answer>> TerminalCache = new();

    private static readonly ConcurrentDictionary<(TerminalKind Kind, int NoisePercent), Gen<Answer>> Terminal2Cache = new();

    private static readonly ConcurrentDictionary<(LinkKind Kind, int NoisePercent), Gen<Answer>> LinkCache = new();

    private static Gen<Answer> BuildTerminal(TerminalKind kind, Convention request, int noisePercent)
    {
        var noise = Noise(noisePercent);
        return kind switch
        {
            // One response in ten is one a real secure world gave a request of this width (generators/Corpus).
            TerminalKind.Response => Gen.Frequency(
                (9, Response(request, ResponderIds.Echo, Gen.Constant(0u), noise)),
                (1, Gen.Elements(RecordedResponses(request)))),
            TerminalKind.ResponseOtherWidth => Response(Other(request), ResponderIds.Echo, Gen.Constant(0u), noise),
            TerminalKind.ResponseOtherInterface => Response2(Gen.Constant(ResponderIds.Echo), noise),
            TerminalKind.ResponseWrongIds =>
                from ids in Gen.Elements(ResponderIds.Unswapped, ResponderIds.OtherSender, ResponderIds.OtherReceiver)
                from answer in Response(request, ids, Gen.Constant(0u), noise)
                select answer,
            TerminalKind.ResponseNonZeroW2 => Response(request, ResponderIds.Echo, Gen.Frequency(
                (1, Gen.Choose(0, 15).Select(type => 0x8000_0000u | (uint)type)),
                (1, ValueGen.UInt32.Select(v => v & 0x7FFF_FFFF).Where(v => v != 0))), noise),
            TerminalKind.CoreError => Error(Gen.Choose(-8, -1), noise),
            TerminalKind.LaterError => Error(Gen.Elements(-9, -10), noise),
            TerminalKind.RefusalError => Error(Gen.Elements(FfaErrors.All.Where(e => e != FfaError.Interrupted).Select(e => (int)e).ToArray()), noise),
            TerminalKind.UnknownErrorCode => Error(Gen.Frequency(
                (2, Gen.Constant(0)),
                (2, Gen.Frequency((3, Gen.Choose(1, 1000)), (1, Gen.Constant(int.MaxValue)))),
                (2, Gen.Frequency((3, Gen.Choose(-1000, -11)), (1, Gen.Constant(int.MinValue))))), noise),
            TerminalKind.Success => from width in AnyWidth from n in noise select (Answer)new SuccessAnswer(width, n),
            TerminalKind.SmcccUnknown => Gen.Elements(true, false).Select(whole => (Answer)new SmcccUnknownAnswer(whole)),
            TerminalKind.UnknownFunction => Unknown(_ => true, noise),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "no generator for this terminal kind"),
        };
    }

    private static Gen<Answer> BuildTerminal2(TerminalKind kind, int noisePercent)
    {
        var x0Only = Gen.Frequency((100 - noisePercent, Gen.Constant(Scenarios.Answers.Noise.None)), (noisePercent, ValueGen.NonZeroUpper.Select(u => new Noise(X0Upper: u))));
        return kind switch
        {
            TerminalKind.Response => Response2(Gen.Constant(ResponderIds.Echo), x0Only),
            TerminalKind.ResponseWrongIds => Response2(Gen.Elements(ResponderIds.Unswapped, ResponderIds.OtherSender, ResponderIds.OtherReceiver), x0Only),
            TerminalKind.ResponseOtherInterface =>
                from width in AnyWidth
                from answer in Response(width, ResponderIds.Echo, Gen.Constant(0u), Noise(noisePercent))
                select answer,
            TerminalKind.UnknownFunction => Unknown(w0 => !FfaFunctions.DirectResponse2.Matches(w0), Noise(noisePercent)),
            TerminalKind.ResponseOtherWidth or TerminalKind.ResponseNonZeroW2 =>
                throw new ArgumentOutOfRangeException(nameof(kind), kind, "a REQ2 has one width and no w2 flags: no such answer"),
            _ => BuildTerminal(kind, Convention.Smc64, noisePercent),
        };
    }

    /// <summary>The DIRECT_RESPs real secure worlds gave requests of <paramref name="request"/>'s width, as the corpus keeps them: each is a response of that kind.</summary>
    private static Answer[] RecordedResponses(Convention request) =>
        Corpus.AnswerCorpus.Shipped.For(Corpus.AnswerCorpus.InterfaceOf(request)).OfType<DirectResponseAnswer>()
            .Where(r => r.Width == request && r.IsWellFormed).ToArray<Answer>() is { Length: > 0 } recorded
            ? recorded
            : throw new InvalidOperationException($"{Corpus.AnswerCorpus.Document} holds no DIRECT_RESP to a {request} request for the generators to draw");

    /// <summary>An unexpected reply whose w0 is no listed reply and passes <paramref name="allowed"/>.</summary>
    private static Gen<Answer> Unknown(Func<uint, bool> allowed, Gen<Noise> noise) =>
        from w0 in Gen.Frequency((3, Gen.Elements(OtherFfaIds.Where(allowed).ToArray())), (2, ValueGen.UInt32.Where(v => !DirectRequestReplies.IsListed(v) && allowed(v))))
        from x2 in UnexpectedX2
        from n in noise
        select (Answer)new UnknownFunctionAnswer(w0, x2, n);

    /// <summary>A 32-bit value that reads as an FF-A error code, for fields that a faulty caller might decode as one.</summary>
    public static readonly Gen<uint> CodeLike = Gen.Choose(-10, -1).Select(code => (uint)code);

    /// <summary>x2 of an unexpected reply: zero, the caller's own x2, values that decode as FF-A error codes, anything.</summary>
    public static readonly Gen<ulong> UnexpectedX2 = Gen.Frequency(
        (2, Gen.Constant(0UL)),
        (3, CodeLike.Select(code => (ulong)code)),
        (2, ValueGen.UInt64));

    /// <summary>A resumption, naming the destination (most often) or another secure endpoint.</summary>
    public static Gen<Answer> Link(LinkKind kind, int noisePercent) =>
        LinkCache.GetOrAdd((kind, noisePercent), key => BuildLink(key.Kind, key.NoisePercent));

    private static Gen<Answer> BuildLink(LinkKind kind, int noisePercent)
    {
        var width = kind is LinkKind.Interrupt64 or LinkKind.Yield64 ? Convention.Smc64 : Convention.Smc32;
        var endpoint = Gen.Frequency(
            (3, Gen.Constant((ushort?)null)),
            (1, Gen.Choose(0x8000, 0xFFFE).Select(v => (ushort?)v)));
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

    private static Gen<Answer> Response(Convention width, ResponderIds ids, Gen<uint> w2, Gen<Noise> noise) =>
        from payload in ValueGen.Payload(fits32: width == Convention.Smc32)
        from other in ids is ResponderIds.OtherSender or ResponderIds.OtherReceiver ? OtherIds : Gen.Constant((ushort)0)
        from w in w2
        from n in noise
        select (Answer)new DirectResponseAnswer(width, ids, other, w, payload, n);

    private static Gen<Answer> Response2(Gen<ResponderIds> ids, Gen<Noise> noise) =>
        from payload in ValueGen.Payload2
        from i in ids
        from other in i is ResponderIds.OtherSender or ResponderIds.OtherReceiver ? OtherIds : Gen.Constant((ushort)0)
        from n in noise
        select (Answer)new DirectResponse2Answer(i, other, payload, n);

    private static readonly Gen<ushort> OtherIds = Gen.Choose(0, 0xFFFF).Select(v => (ushort)v);

    private static Gen<Answer> Error(Gen<int> code, Gen<Noise> noise) =>
        from c in code
        from n in noise
        select (Answer)new ErrorAnswer(c, Convention.Smc32, X2Extension.Zero, 0, n);
}
