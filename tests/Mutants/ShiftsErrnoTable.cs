using FfaConformance.Abi;
using FfaConformance.Adapters.Emulator;

namespace FfaConformance.Tests.Mutants;

/// <summary>Classic slip: the table is indexed with the code, not its negation, off by one (code −n gets the entry of −(n+1)).</summary>
public sealed class ShiftsErrnoTable(IConduit conduit, FfaVersion version) : ReferenceTransport(conduit, version)
{
    protected override int MapError(int code) => base.MapError(code - 1);
}
