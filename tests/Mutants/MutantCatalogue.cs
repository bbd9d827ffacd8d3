using FfaConformance.Abi;
using FfaConformance.Scenarios;
using FfaConformance.Scenarios.Answers;
using FfaConformance.Scenarios.Steps;
using static FfaConformance.Tests.Mutants.Minimal;

namespace FfaConformance.Tests.Mutants;

/// <summary>Every mutant, the rule meant to catch it, and its minimal counterexample.</summary>
public static class MutantCatalogue
{
    private const Convention Smc32 = Convention.Smc32;
    private const Convention Smc64 = Convention.Smc64;

    public static readonly IReadOnlyList<MutantCase> All =
    [
        MutantCase.Like(nameof(AcceptsOtherWidthResponse), (c, v) => new AcceptsOtherWidthResponse(c, v), "INV-RESP-MATCH-WIDTH",
            "one runtime request answered at once by a zero DIRECT_RESP of the other width",
            s => s == RuntimeSend(Request(Smc32), Response(Smc64)) || s == RuntimeSend(Request(Smc64), Response(Smc32))),
        MutantCase.Exact(nameof(ResumesInterrupt64), (c, v) => new ResumesInterrupt64(c, v), "INV-INT-64-GATED",
            RuntimeSend(new InterruptAnswer(Smc64, null, 0, Noise.None), Response())),
        MutantCase.Exact(nameof(IssuesRun64), (c, v) => new IssuesRun64(c, v), "INV-INT-64-GATED",
            RuntimeSend(new InterruptAnswer(Smc64, null, 0, Noise.None), Response()), FfaVersion.V1_0),
        MutantCase.Exact(nameof(SuccessCompletes), (c, v) => new SuccessCompletes(c, v), "INV-RESP-SUCCESS-NOT-COMPLETION",
            RuntimeSend(new SuccessAnswer(Smc32, Noise.None))),
        MutantCase.Exact(nameof(EnablesRuntimeWithoutContext), (c, v) => new EnablesRuntimeWithoutContext(c, v), "INV-RT-ENABLE-VALID",
            Scenario.Of(new BootState(0), new ExitBootServicesStep(false), new SendStep(Entry.Runtime, Request(), Script.Of(Response())))),
        MutantCase.Like(nameof(DecodesX2OfAnyReply), (c, v) => new DecodesX2OfAnyReply(c, v), "INV-ERR-ONLY-FFA_ERROR",
            "a request answered by FFA_MSG_WAIT_32 with x2 = 0 and its twin with x2 = 0xFFFFFFFF, or the other way round",
            s => s == Twins(TwinVariation.UnexpectedX2, 0xFFFF_FFFF, new UnknownFunctionAnswer(0x8400006B, 0, Noise.None))
                || s == Twins(TwinVariation.UnexpectedX2, 0, new UnknownFunctionAnswer(0x8400006B, 0xFFFF_FFFF, Noise.None))),
        MutantCase.Exact(nameof(YieldIsAnError), (c, v) => new YieldIsAnError(c, v), "INV-YIELD-RESUME",
            RuntimeSend(new YieldAnswer(Smc32, null, 0, 0, 0, Noise.None), Response())),
        MutantCase.Like(nameof(YieldIsAnError), (c, v) => new YieldIsAnError(c, v), "INV-YIELD-W2-NOT-ERROR",
            "a request answered by FFA_YIELD_32 with timeout 0 and its twin with timeout 0xFFFFFFFF in w2, or the other way round",
            s => s == Twins(TwinVariation.YieldTimeout, 0xFFFF_FFFF, new YieldAnswer(Smc32, null, 0, 0, 0, Noise.None), Response())
                || s == Twins(TwinVariation.YieldTimeout, 0, new YieldAnswer(Smc32, null, 0, 0xFFFF_FFFF, 0, Noise.None), Response()),
            FfaVersion.V1_0),
        MutantCase.Exact(nameof(CopiesSmc32ResponseUnmasked), (c, v) => new CopiesSmc32ResponseUnmasked(c, v), "INV-RESP-SMC32-MASK",
            RuntimeSend(Response() with { Noise = new Noise(UpperHalves: 1) })),
        MutantCase.Like(nameof(PassesSmc32PayloadUnmasked), (c, v) => new PassesSmc32PayloadUnmasked(c, v), "INV-REQ-SMC32-WIDTH",
            "one SMC32 runtime request whose payload is one word 0x1_0000_0000, answered by a zero DIRECT_RESP_32",
            s => Enumerable.Range(0, DirectMessage.Words).Any(i => s == RuntimeSend(Request(Smc32, OneWord(i, 1UL << 32)), Response()))),
        MutantCase.Exact(nameof(SwapsEndpointIds), (c, v) => new SwapsEndpointIds(c, v), "INV-REQ-W1-PACK", RuntimeSend(Response())),
        MutantCase.Exact(nameof(SetsFlagsInW2), (c, v) => new SetsFlagsInW2(c, v), "INV-REQ-W2-ZERO", RuntimeSend(Response())),
        MutantCase.Like(nameof(RunsOriginalDestination), (c, v) => new RunsOriginalDestination(c, v), "INV-INT-RUN-TARGET",
            "one interrupt naming another endpoint (vCPU 0) or the destination's vCPU 1, then a zero DIRECT_RESP_32",
            s => OnlySend(s).Script.Answers is [InterruptAnswer i, var final] && final == Response() && s.Steps.Length == 2
                && OnlySend(s).Request == Request() && s.Boot.EndpointId == 0 && i.Noise.IsNone
                && ((i.Endpoint is not null && i.Endpoint != First && i.VCpu == 0) || (i.Endpoint is null && i.VCpu == 1))),
        MutantCase.Exact(nameof(FollowsOneInterruptOnly), (c, v) => new FollowsOneInterruptOnly(c, v), "INV-INT-CHAIN-COMPLETES",
            RuntimeSend(Interrupt, Interrupt, Response())),
        MutantCase.Exact(nameof(DropsLastPayloadWord), (c, v) => new DropsLastPayloadWord(c, v), "INV-REQ-PAYLOAD-64",
            RuntimeSend(Request(Smc64, OneWord(4, 1)), Response(Smc64))),
        MutantCase.Exact(nameof(DropsLastPayloadWord), (c, v) => new DropsLastPayloadWord(c, v), "INV-REQ-PAYLOAD-32",
            RuntimeSend(Request(Smc32, OneWord(4, 1)), Response())),
        MutantCase.Like(nameof(ReadsPayloadFromX2), (c, v) => new ReadsPayloadFromX2(c, v), "INV-RESP-PAYLOAD",
            "one runtime request answered by a DIRECT_RESP_32 whose payload is a single word of 1",
            s => Enumerable.Range(0, DirectMessage.Words).Any(i => s == RuntimeSend((DirectResponseAnswer)Response() with { Payload = OneWord(i, 1) }))),
        MutantCase.Exact(nameof(ShiftsErrnoTable), (c, v) => new ShiftsErrnoTable(c, v), "INV-ERRNO-TABLE", RuntimeSend(Error(-1))),
        MutantCase.Like(nameof(WritesMessageOnError), (c, v) => new WritesMessageOnError(c, v), "INV-RESP-MSG-UNTOUCHED-ON-ERR",
            "one SMC32 runtime request with a single payload word of 1, answered at once by FFA_ERROR(NOT_SUPPORTED)",
            s => Enumerable.Range(0, DirectMessage.Words).Any(i => s == RuntimeSend(Request(Smc32, OneWord(i, 1)), Error(-1)))),
        MutantCase.Exact(nameof(ReusesAnswerRegistersForRun), (c, v) => new ReusesAnswerRegistersForRun(c, v), "INV-REQ-HIGH-REGS-ZERO",
            RuntimeSend(Interrupt with { Noise = new Noise(HighRegisters: 1) }, Response())),
        MutantCase.Exact(nameof(ResumesWithoutBound), (c, v) => new ResumesWithoutBound(c, v), "INV-INT-BOUND",
            Scenario.Of(new BootState(0), Exit, new SendStep(Entry.Runtime, Request(), new Script([], Interrupt)))),
        MutantCase.Exact(nameof(LaterErrorsAreUnknown), (c, v) => new LaterErrorsAreUnknown(c, v), "INV-ERRNO-V11-V12", RuntimeSend(Error(-9))),
        MutantCase.Exact(nameof(ComparesWholeX0), (c, v) => new ComparesWholeX0(c, v), "INV-RESP-W0-32",
            Twins(TwinVariation.X0UpperHalf, 1, Response())),
        MutantCase.Exact(nameof(ReadsErrorCodeAs64Bit), (c, v) => new ReadsErrorCodeAs64Bit(c, v), "INV-ERR-W2-S32",
            Twins(TwinVariation.ErrorCodeExtension, 0, Error(-1))),
        MutantCase.Exact(nameof(IgnoresSmcccNotSupported), (c, v) => new IgnoresSmcccNotSupported(c, v), "INV-SMCCC-UNKNOWN",
            RuntimeSend(new SmcccUnknownAnswer(false))),
        MutantCase.Exact(nameof(DereferencesNullMessage), (c, v) => new DereferencesNullMessage(c, v), "INV-REQ-NULL-MSG",
            RuntimeSend(new DirectRequest(First, null, Smc32), Response())),
        MutantCase.Exact(nameof(ResumesThroughHvc), (c, v) => new ResumesThroughHvc(c, v), "INV-CONDUIT-SMC", RuntimeSend(Interrupt, Response())),
        MutantCase.Exact(nameof(ResendsRequest), (c, v) => new ResendsRequest(c, v), "INV-INT-NO-RESEND", RuntimeSend(Interrupt, Response())),
        MutantCase.Exact(nameof(HasNoRuntimeGate), (c, v) => new HasNoRuntimeGate(c, v), "INV-RT-GATE",
            Scenario.Of(new BootState(0), new SendStep(Entry.Runtime, Request(), Script.Of(Response())))),
        MutantCase.Like(nameof(TrustsAnyResponder), (c, v) => new TrustsAnyResponder(c, v), "INV-RESP-W1-ECHO",
            "one runtime request answered by a zero DIRECT_RESP_32 whose w1 is unswapped or names endpoint 1",
            s => OnlySend(s).Script.Answers is [DirectResponseAnswer r] && s.Steps.Length == 2 && OnlySend(s).Request == Request()
                && r == (DirectResponseAnswer)Response() with { Ids = r.Ids, OtherId = r.OtherId }
                && (r.Ids == ResponderIds.Unswapped || r.OtherId == 1)),
        MutantCase.Like(nameof(IgnoresResponseFlags), (c, v) => new IgnoresResponseFlags(c, v), "INV-RESP-W2-PARTITION",
            "one runtime request answered by a zero DIRECT_RESP_32 with w2 = 0x80000000 or 1",
            s => s == RuntimeSend((DirectResponseAnswer)Response() with { W2 = 0x8000_0000 }) || s == RuntimeSend((DirectResponseAnswer)Response() with { W2 = 1 })),
        MutantCase.Like(nameof(SendsWithEndpointZero), (c, v) => new SendsWithEndpointZero(c, v), "INV-REQ-SELF-ID",
            "boot endpoint ID 1 and one request answered by a zero DIRECT_RESP_32, through the boot-time entry or the runtime one after ExitBootServices",
            s => s == Scenario.Of(new BootState(1), new SendStep(Entry.BootTime, Request(), Script.Of(Response())))
                || s == RuntimeSend(Response()) with { Boot = new BootState(1) }),
        MutantCase.Exact(nameof(BootPathSuccessCompletes), (c, v) => new BootPathSuccessCompletes(c, v), "INV-BOOT-RT-EQUIV",
            Scenario.Of(new BootState(0), new SendStep(Entry.BootTime, Request(), Script.Of(new SuccessAnswer(Smc32, Noise.None))), Exit,
                new TwinStep(0, TwinVariation.BootVersusRuntime, 0))),
        MutantCase.Exact(nameof(RunErrorIsUnknown), (c, v) => new RunErrorIsUnknown(c, v), "INV-RUN-ERROR", RuntimeSend(Interrupt, Error(-1))),
        MutantCase.Exact(nameof(ResumesWithMsgWait), (c, v) => new ResumesWithMsgWait(c, v), "INV-INT-RUN-FID", RuntimeSend(Interrupt, Response())),
        MutantCase.Exact(nameof(MapsErrorZeroToSuccess), (c, v) => new MapsErrorZeroToSuccess(c, v), "INV-ERRNO-TOTAL", RuntimeSend(Error(0))),
        MutantCase.Exact(nameof(RetriesBusy), (c, v) => new RetriesBusy(c, v), "INV-LOOP-TERMINATES-ON-OTHER", RuntimeSend(Error(-4))),
        MutantCase.Exact(nameof(AlwaysUsesSmc32Id), (c, v) => new AlwaysUsesSmc32Id(c, v), "INV-REQ-FID", RuntimeSend(Request(Smc64), Response(Smc64))),
        MutantCase.Exact(nameof(SendsReq2AsSmc32), (c, v) => new SendsReq2AsSmc32(c, v), "INV-REQ2-FID-IDS", RuntimeSend2(Response2())),
        MutantCase.Exact(nameof(SwapsUuidHalves), (c, v) => new SwapsUuidHalves(c, v), "INV-REQ2-UUID", RuntimeSend2(Response2())),
        MutantCase.Exact(nameof(DropsLastReq2Word), (c, v) => new DropsLastReq2Word(c, v), "INV-REQ2-PAYLOAD", RuntimeSend2(OneWord2(13, 1), Response2())),
        MutantCase.Like(nameof(KeepsLastResp2Word), (c, v) => new KeepsLastResp2Word(c, v), "INV-RESP2-PAYLOAD",
            "one REQ2 answered at once by a DIRECT_RESP2, the last word 1 in the message or in the response and 0 in the other",
            s => s == RuntimeSend2(Response2(OneWord2(13, 1))) || s == RuntimeSend2(OneWord2(13, 1), Response2())),
        MutantCase.Like(nameof(Req2AcceptsResp), (c, v) => new Req2AcceptsResp(c, v), "INV-REQ2-ONLY-RESP2",
            "one REQ2 answered at once by a zero DIRECT_RESP of either width",
            s => s == RuntimeSend2(Response(Smc32)) || s == RuntimeSend2(Response(Smc64))),
        MutantCase.Exact(nameof(ReqAcceptsResp2), (c, v) => new ReqAcceptsResp2(c, v), "INV-REQ-ONLY-RESP", RuntimeSend(Response2())),
        MutantCase.Exact(nameof(Req2GivesUpOnInterrupt), (c, v) => new Req2GivesUpOnInterrupt(c, v), "INV-REQ2-RESUME", RuntimeSend2(Interrupt, Response2())),
        MutantCase.Exact(nameof(Req2Ungated), (c, v) => new Req2Ungated(c, v), "INV-REQ2-GATED", RuntimeSend2(Response2()), FfaVersion.V1_1),
    ];

    private static DirectMessage OneWord(int index, ulong value) =>
        DirectMessage.FromWords([.. Enumerable.Range(0, DirectMessage.Words).Select(i => i == index ? value : 0UL)]);
}
