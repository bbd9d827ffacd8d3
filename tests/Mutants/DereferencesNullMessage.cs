using FfaConformance.Abi;
using FfaConformance.Adapters.Emulator;

namespace FfaConformance.Tests.Mutants;

/// <summary>Seed D6: the message pointer is not checked, so a NULL message crashes the caller.</summary>
public sealed class DereferencesNullMessage(IConduit conduit, FfaVersion version) : ReferenceTransport(conduit, version)
{
    protected override int Refuse(MessageBuffer? message, Convention convention) =>
        convention == Convention.Smc32 && !message!.Value.FitsIn32Bits ? -(int)Errno.EINVAL : 0;
}
