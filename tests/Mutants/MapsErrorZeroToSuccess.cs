using FfaConformance.Abi;
using FfaConformance.Adapters.Emulator;

namespace FfaConformance.Tests.Mutants;

/// <summary>Linux's table starts at index 0 = success, so FFA_ERROR with code 0 returns 0.</summary>
public sealed class MapsErrorZeroToSuccess(IConduit conduit, FfaVersion version) : ReferenceTransport(conduit, version)
{
    protected override int MapError(int code) => code == 0 ? 0 : base.MapError(code);
}
