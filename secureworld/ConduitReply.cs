using FfaConformance.Abi;
using FfaConformance.Scenarios.Traces;

namespace FfaConformance.SecureWorld;

/// <summary>The secure world's reply to a conduit call: registers, or the order to stop the target.</summary>
public readonly record struct ConduitReply(RegisterSet? Answer, Stopped? Stop)
{
    public static ConduitReply Of(RegisterSet answer) => new(answer, null);

    public static ConduitReply Halt(StopReason reason, string detail) => new(null, new Stopped(reason, detail));
}
