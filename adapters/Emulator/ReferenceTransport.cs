using FfaConformance.Abi;
using FfaConformance.Scenarios.Targets;

namespace FfaConformance.Adapters.Emulator;

/// <summary>
/// The project's reference transport: the normal-world side of FF-A direct messaging as the rules describe it,
/// with the shape of U-Boot's runtime API (a boot-time entry, a runtime entry gated until ExitBootServices,
/// boot-time data handed over in the ExitBootServices event), plus an FF-A v1.2 FFA_MSG_SEND_DIRECT_REQ2 runtime
/// entry. Each decision is one small virtual method so that a mutant can change exactly one.
/// </summary>
public class ReferenceTransport(IConduit conduit, FfaVersion version)
{
    /// <summary>Resumptions after which a request gives up: a caller with masked interrupts must not livelock.</summary>
    public const int MaxResumptions = 32;

    protected FfaVersion Version { get; } = version;

    /// <summary>The boot-time driver's state (U-Boot's uclass private data), until ExitBootServices.</summary>
    protected BootData? BootTime { get; private set; }

    /// <summary>The resident copy made at ExitBootServices; null keeps the runtime entry closed.</summary>
    protected BootData? Resident { get; private set; }

    protected IConduit Conduit { get; } = conduit;

    protected virtual int ResumptionLimit => MaxResumptions;

    /// <summary>The boot-time driver probed: its state serves the boot-time entry until ExitBootServices.</summary>
    public void Probe(BootData boot) => BootTime = boot;

    /// <summary>The ExitBootServices notify function: copy boot-time data into resident storage, enable runtime.</summary>
    public virtual void OnExitBootServices(BootData? context)
    {
        // Without boot-time data there is no valid sender ID, so the runtime path stays closed.
        Resident = context;
    }

    public virtual int SyncSendReceive(ushort destination, MessageBuffer? message, Convention convention) =>
        BootTime is { } boot ? Send(boot.EndpointId, destination, message, convention) : -(int)Errno.ENODEV;

    public virtual int SyncSendReceiveRuntime(ushort destination, MessageBuffer? message, Convention convention) =>
        Resident is { } data ? Send(data.EndpointId, destination, message, convention) : -(int)Errno.EPERM;

    /// <summary>The REQ2 entry: gated like the runtime entry, and on the negotiated version.</summary>
    public virtual int SyncSendReceive2Runtime(ushort destination, ServiceUuid uuid, MessageBuffer2 message) =>
        Resident is not { } data ? -(int)Errno.EPERM
        : !HasDirectRequest2 ? -(int)Errno.EOPNOTSUPP
        : Exchange(BuildRequest2(data.EndpointId, destination, uuid, message.Value), Classify2, (answer, resumed) => Complete2(answer, data.EndpointId, destination, resumed, message));

    /// <summary>FFA_MSG_SEND_DIRECT_REQ2 exists from v1.2: below, the entry refuses without a call.</summary>
    protected virtual bool HasDirectRequest2 => Version >= FfaVersion.V1_2;

    protected virtual int Send(ushort self, ushort destination, MessageBuffer? message, Convention convention)
    {
        if (Refuse(message, convention) is var refusal and < 0)
        {
            return refusal;
        }

        return Exchange(BuildRequest(self, destination, message!.Value, convention), answer => Classify(answer, convention),
            (answer, resumed) => Complete(answer, self, destination, resumed, message, convention));
    }

    /// <summary>
    /// Issues a request and follows the secure world until it answers for good: <paramref name="complete"/> judges
    /// the response the request expects, an error is mapped, an interrupt or a yield is resumed with FFA_RUN.
    /// </summary>
    private int Exchange(RegisterSet request, Func<RegisterSet, Reply> classify, Func<RegisterSet, IReadOnlyList<ushort>, int> complete)
    {
        var answer = Call(request);
        var resumed = new List<ushort>();
        for (var resumptions = 0; ; resumptions++)
        {
            switch (classify(answer))
            {
                case Reply.Response:
                    return complete(answer, resumed);
                case Reply.Error:
                    return MapError(ErrorCode(answer));
                case Reply.Resume when resumptions >= ResumptionLimit:
                    return -(int)Errno.ETIMEDOUT;
                case Reply.Resume:
                    resumed.Add(TargetInfo.Unpack(answer.W1).Endpoint);
                    answer = Call(BuildRun(answer));
                    break;
                case Reply.NotSupported:
                    return -(int)Errno.EOPNOTSUPP;
                default:
                    return ProtocolError(answer);
            }
        }
    }

    /// <summary>
    /// Refused before any call: a NULL message, or an SMC32 payload that does not fit in 32 bits (the callee
    /// would silently drop the upper halves, so the partition would get a different message).
    /// </summary>
    protected virtual int Refuse(MessageBuffer? message, Convention convention) =>
        message is null || (convention == Convention.Smc32 && !message.Value.FitsIn32Bits) ? -(int)Errno.EINVAL : 0;

    protected virtual RegisterSet Call(RegisterSet arguments) => Conduit.Call(ConduitKind.Smc, arguments);

    protected virtual RegisterSet BuildRequest(ushort self, ushort destination, DirectMessage message, Convention convention) =>
        RegisterSet.Of(
            FfaFunctions.DirectRequest.Id(convention).Value,
            new EndpointPair(self, destination).Packed,
            0,
            message.Data0,
            message.Data1,
            message.Data2,
            message.Data3,
            message.Data4);

    /// <summary>SMC64 only: x1 the endpoints, x2/x3 the service UUID, x4–x17 the message.</summary>
    protected virtual RegisterSet BuildRequest2(ushort self, ushort destination, ServiceUuid uuid, DirectMessage2 message) =>
        RegisterSet.Of([
            FfaFunctions.DirectRequest2.Id(Convention.Smc64).Value,
            new EndpointPair(self, destination).Packed,
            uuid.X2,
            uuid.X3,
            .. message.ToArray(),
        ]);

    /// <summary>FFA_RUN resumes the context FFA_INTERRUPT/FFA_YIELD named, which may not be the destination.</summary>
    protected virtual RegisterSet BuildRun(RegisterSet resumption) =>
        RegisterSet.Of(FfaFunctions.Run.Id(Convention.Smc32).Value, resumption.W1);

    /// <summary>Only w0 classifies a reply: SMCCC function IDs are 32-bit, whatever x0[63:32] holds.</summary>
    protected virtual Reply Classify(RegisterSet answer, Convention convention)
    {
        var w0 = answer.W0;
        if (w0 == FfaFunctions.DirectResponse.Id(convention).Value)
        {
            return Reply.Response;
        }

        if (IsAt(FfaFunctions.Error, w0))
        {
            return Reply.Error;
        }

        if (IsAt(FfaFunctions.Interrupt, w0) || IsAt(FfaFunctions.Yield, w0))
        {
            return Reply.Resume;
        }

        return w0 == Smccc.NotSupported ? Reply.NotSupported : Reply.ProtocolError;
    }

    /// <summary>Only a DIRECT_RESP2 completes a REQ2; the rest as for a direct request.</summary>
    protected virtual Reply Classify2(RegisterSet answer) =>
        answer.W0 == FfaFunctions.DirectResponse2.Id(Convention.Smc64).Value ? Reply.Response
        : FfaFunctions.DirectResponse.Matches(answer.W0) ? Reply.ProtocolError
        : Classify(answer, Convention.Smc64);

    /// <summary>A DIRECT_RESP2 from the partition asked (or one resumed) to us completes the REQ2 with x4–x17.</summary>
    protected virtual int Complete2(RegisterSet answer, ushort self, ushort destination, IReadOnlyList<ushort> resumed, MessageBuffer2 message)
    {
        var ids = EndpointPair.Unpack(answer.W1);
        if (ids.Receiver != self || (ids.Sender != destination && !resumed.Contains(ids.Sender)))
        {
            return -(int)ErrnoTable.Unknown;
        }

        message.Value = DirectMessage2.FromRegisters(answer);
        return 0;
    }

    /// <summary>A response completes the request only if it comes from the partition asked (or one resumed), to us, as a partition message.</summary>
    protected virtual int Complete(
        RegisterSet answer,
        ushort self,
        ushort destination,
        IReadOnlyList<ushort> resumed,
        MessageBuffer message,
        Convention convention)
    {
        var ids = EndpointPair.Unpack(answer.W1);
        var flags = convention == Convention.Smc64 ? answer.X2 : answer.W2;
        if (ids.Receiver != self || (ids.Sender != destination && !resumed.Contains(ids.Sender)) || flags != 0)
        {
            return -(int)ErrnoTable.Unknown;
        }

        message.Value = CopyPayload(answer, convention);
        return 0;
    }

    /// <summary>SMC32 results live in w3–w7; their upper halves are not part of the answer.</summary>
    protected virtual DirectMessage CopyPayload(RegisterSet answer, Convention convention) =>
        convention == Convention.Smc64
            ? DirectMessage.FromPayloadRegisters(answer)
            : new(answer.W(3), answer.W(4), answer.W(5), answer.W(6), answer.W(7));

    /// <summary>The code is (int32)w2, whatever x2[63:32] holds.</summary>
    protected virtual int ErrorCode(RegisterSet error) => (int)error.W2;

    /// <summary>The table is <see cref="ErrnoTable"/>: the v1.0 codes as U-Boot and Linux map them, −9/−10 as Linux does.</summary>
    protected virtual int MapError(int code) => ErrnoTable.ReturnValueFor(code);

    /// <summary>Any other reply: one fixed errno, never decoded from the reply's registers.</summary>
    protected virtual int ProtocolError(RegisterSet answer) => -(int)ErrnoTable.Unknown;

    private bool IsAt(FfaFunction function, uint w0) =>
        (w0 == function.Id(Convention.Smc32).Value && function.IsDefined(Convention.Smc32, Version))
        || (w0 == function.Id(Convention.Smc64).Value && function.IsDefined(Convention.Smc64, Version));
}
