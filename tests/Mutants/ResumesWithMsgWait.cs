using FfaConformance.Abi;
using FfaConformance.Adapters.Emulator;

namespace FfaConformance.Tests.Mutants;

/// <summary>Classic slip: the resumption uses the neighbouring ID FFA_MSG_WAIT (0x8400006B) instead of FFA_RUN.</summary>
public sealed class ResumesWithMsgWait(IConduit conduit, FfaVersion version) : ReferenceTransport(conduit, version)
{
    protected override RegisterSet BuildRun(RegisterSet resumption) =>
        base.BuildRun(resumption).With(0, FfaFunctions.MsgWait.Id(Convention.Smc32).Value);
}
