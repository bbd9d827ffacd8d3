using FfaConformance.Abi;
using FfaConformance.Scenarios.Traces;

namespace FfaConformance.SecureWorld;

/// <summary>
/// The secure world's reply to a conduit call: registers (and the memory writes that go with them, which only an
/// adapter that runs a whole driver needs), or the order to stop the target.
/// </summary>
public readonly record struct ConduitReply(RegisterSet? Answer, Stopped? Stop, IReadOnlyList<MemoryWrite> Writes)
{
    public static ConduitReply Of(RegisterSet answer, IReadOnlyList<MemoryWrite>? writes = null) => new(answer, null, writes ?? []);

    public static ConduitReply Halt(StopReason reason, string detail) => new(null, new Stopped(reason, detail), []);
}
