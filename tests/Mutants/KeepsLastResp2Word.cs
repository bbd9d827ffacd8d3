using FfaConformance.Abi;
using FfaConformance.Adapters.Emulator;

namespace FfaConformance.Tests.Mutants;

/// <summary>Classic slip: an off-by-one copy back; the caller's last word is not overwritten by x17.</summary>
public sealed class KeepsLastResp2Word(IConduit conduit, FfaVersion version) : ReferenceTransport(conduit, version)
{
    protected override int Complete2(RegisterSet answer, ushort self, ushort destination, IReadOnlyList<ushort> resumed, MessageBuffer2 message)
    {
        var last = message.Value[DirectMessage2.Words - 1];
        var result = base.Complete2(answer, self, destination, resumed, message);
        message.Value = message.Value.With(DirectMessage2.Words - 1, last);
        return result;
    }
}
