using FfaConformance.Abi;
using FfaConformance.Adapters.Emulator;

namespace FfaConformance.Tests.Mutants;

/// <summary>Seed D14 (in): SMC32 payload words go out with their upper halves, for the callee to drop.</summary>
public sealed class PassesSmc32PayloadUnmasked(IConduit conduit, FfaVersion version) : ReferenceTransport(conduit, version)
{
    protected override int Refuse(MessageBuffer? message, Convention convention) => message is null ? -(int)Errno.EINVAL : 0;
}
