using FfaConformance.Abi;
using FfaConformance.SecureWorld;

namespace FfaConformance.Adapters.Emulator;

/// <summary>Forwards a managed transport's calls to the case session.</summary>
public sealed class SessionConduit(CaseSession session) : IConduit
{
    public RegisterSet Call(ConduitKind kind, RegisterSet arguments)
    {
        var reply = session.Call(kind, arguments);
        return reply.Answer ?? throw new TargetStoppedException(reply.Stop!);
    }
}
