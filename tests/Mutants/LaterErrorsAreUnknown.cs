using FfaConformance.Abi;
using FfaConformance.Adapters.Emulator;

namespace FfaConformance.Tests.Mutants;

/// <summary>Seed D10: only −1…−8 are looked up; NO_DATA and NOT_READY become -EINVAL.</summary>
public sealed class LaterErrorsAreUnknown(IConduit conduit, FfaVersion version) : ReferenceTransport(conduit, version)
{
    protected override int MapError(int code) => ErrnoTable.IsCoreCode(code) ? base.MapError(code) : -(int)Errno.EINVAL;
}
